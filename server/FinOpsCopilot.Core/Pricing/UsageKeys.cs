namespace FinOpsCopilot.Core.Pricing;

/// <summary>
/// The usage figures estimators read from the <c>usage:</c> section of <c>.finops.yml</c> (docs/usage.md).
/// Every figure is per month unless its name says otherwise; sizes are in GB.
/// </summary>
public static class UsageKeys
{
    public const string MonthlyDataProcessedGb = "monthly_data_processed_gb";
    public const string AverageCapacityUnits = "average_capacity_units";
    public const string MonthlyRequests = "monthly_requests";
    public const string AverageDurationMs = "average_duration_ms";
    public const string MonthlyReadRequestUnits = "monthly_read_request_units";
    public const string MonthlyWriteRequestUnits = "monthly_write_request_units";
    public const string StorageGb = "storage_gb";
    public const string MonthlyPutRequests = "monthly_put_requests";
    public const string MonthlyGetRequests = "monthly_get_requests";
    public const string MonthlyDataIngestedGb = "monthly_data_ingested_gb";
    public const string MonthlyIoRequests = "monthly_io_requests";
    public const string ConsumedReadCapacityPercent = "consumed_read_capacity_percent";
    public const string ConsumedWriteCapacityPercent = "consumed_write_capacity_percent";

    /// <summary>GB stored in the S3 storage classes other than Standard (Standard is <see cref="StorageGb"/>).</summary>
    public static readonly IReadOnlyDictionary<string, (string CatalogClass, string Label)> S3ClassStorage = new Dictionary<string, (string, string)>
    {
        ["storage_gb_standard_ia"] = ("STANDARD_IA", "Standard-IA"),
        ["storage_gb_onezone_ia"] = ("ONEZONE_IA", "One Zone-IA"),
        ["storage_gb_glacier_ir"] = ("GLACIER_IR", "Glacier Instant Retrieval"),
        ["storage_gb_glacier"] = ("GLACIER", "Glacier Flexible Retrieval"),
        ["storage_gb_deep_archive"] = ("DEEP_ARCHIVE", "Glacier Deep Archive"),
    };

    public static IReadOnlyList<string> All { get; } =
    [
        MonthlyDataProcessedGb, AverageCapacityUnits, MonthlyRequests, AverageDurationMs, MonthlyReadRequestUnits,
        MonthlyWriteRequestUnits, StorageGb, MonthlyPutRequests, MonthlyGetRequests, MonthlyDataIngestedGb,
        MonthlyIoRequests, ConsumedReadCapacityPercent, ConsumedWriteCapacityPercent,
        .. S3ClassStorage.Keys,
    ];
}
