using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Roadmap.Tests.Support;

/// <summary>The API as a separate process on 127.0.0.1, so that a test can kill it as the kernel would.</summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout and stderr so far, line by line (the last 10,000 lines).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 10_000) _output.TryDequeue(out _);
    }

    /// <summary>Resident set size in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public static Task<ApiProcess> StartAsync(string databasePath, params (string Key, string Value)[] settings) =>
        StartAsync(databasePath, descriptorLimit: null, settings);

    /// <summary>The API, under a limit on open files (ulimit -n) when one is given.</summary>
    public static Task<ApiProcess> StartAsync(string databasePath, int? descriptorLimit, params (string Key, string Value)[] settings) =>
        StartInShellAsync(databasePath, descriptorLimit is { } limit ? $"ulimit -n {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} &&" : null, settings);

    /// <summary>
    /// The API started by bash after <paramref name="shellPrefix"/> (limits, a wrapper command such as setpriv),
    /// as <c>{prefix} exec {wrapper?} dotnet ...</c> when the prefix ends in <c>&amp;&amp;</c> or <c>;</c>, else <c>{prefix} dotnet ...</c>.
    /// </summary>
    public static async Task<ApiProcess> StartInShellAsync(string databasePath, string? shellPrefix, params (string Key, string Value)[] settings)
    {
        // The API is built alongside the tests, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Repo.Root, "src", "Roadmap.Api", "bin", configuration, "net10.0", "Roadmap.Api.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(shellPrefix is null ? "dotnet" : "bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (shellPrefix is not null)
        {
            // exec: the process the test watches and kills is the API itself, not a shell around it.
            var separated = shellPrefix.TrimEnd().EndsWith("&&", StringComparison.Ordinal) || shellPrefix.TrimEnd().EndsWith(';');
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(separated ? $"{shellPrefix} exec dotnet \"$@\"" : $"exec {shellPrefix} dotnet \"$@\"");
            start.ArgumentList.Add("api");
        }
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in new[]
                 {
                     ("urls", address.ToString()), ("Seeds:Path", TestSeeds.Path), ("Store:Embedded:DatabasePath", databasePath),
                     ("GraphQL:RequestsPerMinute", "0"), ("Auth:RequestsPerMinutePerKey", "0"), ("Logging:LogLevel:Default", "Warning"),
                 }.Concat(settings))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, address);
        // Drained (and kept) so that a chatty process never blocks on a full buffer.
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                // Without a timeout, WaitForExit also waits for the last of the output to be read.
                process.WaitForExit();
                throw new ApiExitedException(process.ExitCode, api.Output);
            }
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        api.Dispose();
        throw new TimeoutException("The API did not become ready in 30 s.");
    }

    /// <summary>SIGTERM, and the wait for a clean exit: the database is checkpointed and closed.</summary>
    public void Stop()
    {
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        _process.WaitForExit(30_000).ShouldBeTrue();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what is on disk is all that survives.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000).ShouldBeTrue();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The API stopped before it was ready: its exit code and what it wrote.</summary>
internal sealed class ApiExitedException(int exitCode, IReadOnlyList<string> output)
    : Exception($"The API exited with {exitCode} before it was ready:\n{string.Join("\n", output.TakeLast(20))}")
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Output { get; } = output;
}
