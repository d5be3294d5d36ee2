namespace FinOpsCopilot.Core.Model;

/// <summary>How serious a finding is; ordered so that a larger value is more serious.</summary>
public enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToId(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "info": case "note": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }
}
