using System.CommandLine;
using Roadmap.Core.Security;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap key new</c>: a new API key, printed once, with the settings that configure its hash.</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var nameOption = new Option<string>("--name") { Description = "Who holds the key; the audit log records this name.", Required = true };
        var roleOption = new Option<string>("--role") { Description = "editor (add and change) or admin (also delete nodes).", Required = true };
        var keyNew = new Command("new", "Create an API key: prints the key once, and the hash to configure under Auth:Keys.") { nameOption, roleOption };
        keyNew.SetAction(async parse =>
        {
            var (name, role) = (parse.GetValue(nameOption)!, parse.GetValue(roleOption)!.ToLowerInvariant());
            if (!Roles.IsKnown(role))
            {
                await Console.Error.WriteLineAsync("roadmap: --role must be editor or admin");
                return 2;
            }
            var (key, hash) = ApiKeys.Create();
            Console.WriteLine($"""
                key for {name} (shown once; the service stores only its hash):
                  {key}
                configure it (appsettings.json "Auth": {"{"} "Keys": [...] {"}"}, or environment variables; N is the entry's index):
                  Auth__Keys__N__Name={name}
                  Auth__Keys__N__Role={role}
                  Auth__Keys__N__Hash={hash}
                """);
            return 0;
        });
        return new Command("key", "Manage API keys for mutations.") { keyNew };
    }
}
