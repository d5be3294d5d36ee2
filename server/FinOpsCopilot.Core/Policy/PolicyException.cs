namespace FinOpsCopilot.Core.Policy;

/// <summary>A policy file that cannot be used, with the place of the problem (1-based line and column).</summary>
public sealed class PolicyException(string path, int line, int column, string reason)
    : Exception($"{path}:{line}:{column}: {reason}")
{
    public string PolicyPath { get; } = path;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;
}
