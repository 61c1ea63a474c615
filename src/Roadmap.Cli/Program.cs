using System.CommandLine;
using Roadmap.Cli.Commands;
using Spectre.Console;

// `roadmap`: validate the seeds, print graph statistics and coverage, export and import the graph, create API keys,
// run a GraphQL document against the local graph, audit what variants inherit. One file per command under Commands/.

// Tables piped to a file or another program are not cut to an 80-column guess of a terminal.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("Roadmap: the technology-roadmap graph of China's medical-device plans.")
{
    GlobalOptions.Seeds,
    GlobalOptions.Database,
    ValidateCommand.Create(),
    StatsCommand.Create(),
    CoverageCommand.Create(),
    AuditCommand.Create(),
    ExportCommand.Create(),
    ImportCommand.Create(),
    KeyCommand.Create(),
    QueryCommand.Create(),
    PlanCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
