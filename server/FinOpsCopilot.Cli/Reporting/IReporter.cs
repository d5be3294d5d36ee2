namespace FinOpsCopilot.Cli.Reporting;

/// <summary>Writes a report in one output format.</summary>
public interface IReporter
{
    void Write(Report report, TextWriter output);
}
