namespace FinOpsCopilot.Cli;

/// <summary>
/// Where a command reads and writes: its output streams, whether stdout is a terminal (for colour), and the folder
/// relative paths start from. Tests pass their own; <see cref="System"/> is the real process console.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, string WorkingDirectory)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected, Directory.GetCurrentDirectory());

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
