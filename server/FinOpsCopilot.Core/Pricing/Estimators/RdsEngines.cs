namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>RDS engine names as the catalog keys them, and the license each engine is priced with by default.</summary>
public static class RdsEngines
{
    public static bool IsAurora(string engine) => engine.StartsWith("aurora", StringComparison.Ordinal);

    /// <summary>"aurora" is the old name of Aurora MySQL; "postgresql" is accepted as a spelling of "postgres".</summary>
    public static string Normalize(string engine) => engine.ToLowerInvariant() switch
    {
        "aurora" => "aurora-mysql",
        "postgresql" => "postgres",
        var e => e,
    };

    /// <summary>The catalog license key: Oracle SE2 and SQL Server default to license included, open-source engines have none.</summary>
    public static string License(string engine, string? licenseModel) => licenseModel switch
    {
        "bring-your-own-license" => "byol",
        "license-included" => "license-included",
        _ when engine.StartsWith("oracle", StringComparison.Ordinal) || engine.StartsWith("sqlserver", StringComparison.Ordinal) => "license-included",
        _ => "none",
    };

    /// <summary>The catalog SKU of an instance hour. Aurora prices depend on the cluster's storage configuration instead of Multi-AZ.</summary>
    public static string Sku(string instanceClass, string engine, string license, string option) =>
        $"rds/{instanceClass}/{engine}/{license}/{option}";
}
