namespace FinOpsCopilot.Cli.Commands;

/// <summary>The CLI's exit codes: a contract for CI scripts.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int FindingsAtThreshold = 1;
    public const int UsageError = 2;
    public const int PathUnreadable = 3;
}

/// <summary>A command line the CLI cannot act on; the message is one line for stderr.</summary>
public sealed class UsageException(string message) : Exception(message);
