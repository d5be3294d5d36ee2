namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>
/// A DynamoDB table. Provisioned mode (the default in both formats): WCU and RCU hours, including global secondary
/// indexes. On-demand: request units from usage. Storage from usage in both.
/// </summary>
public sealed class DynamoDbEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable", "aws_dynamodb_table"];

    public override void Estimate(EstimateBuilder b)
    {
        var r = b.Resource;
        bool tf = IsTerraform(r);
        var mode = tf ? r.Get("billing_mode") : r.Get("BillingMode");
        // A SAM SimpleTable is on-demand unless it declares provisioned throughput.
        bool simpleOnDemand = r.Resource.Type == "AWS::Serverless::SimpleTable" && r.Get("ProvisionedThroughput").IsAbsent;
        var billing = simpleOnDemand ? "PAY_PER_REQUEST" : mode.Text ?? (mode.IsAbsent ? "PROVISIONED" : null);
        if (billing is null) b.Unknown("Capacity", "request units", mode.Name, mode.Reason);
        else if (billing == "PAY_PER_REQUEST")
        {
            b.FromUsage("Write request units (on-demand)", UsageKeys.MonthlyWriteRequestUnits, "dynamodb/on_demand_wru", 1_000_000m);
            b.FromUsage("Read request units (on-demand)", UsageKeys.MonthlyReadRequestUnits, "dynamodb/on_demand_rru", 1_000_000m);
        }
        else
        {
            var (write, read, missing) = ProvisionedCapacity(r, tf);
            if (missing is { } m) b.Unknown("Provisioned capacity", "capacity-unit hours", m.Name, m.Reason);
            else
            {
                b.Hourly($"Write capacity ({write} WCU)", write, "dynamodb/provisioned_wcu_hour");
                b.Hourly($"Read capacity ({read} RCU)", read, "dynamodb/provisioned_rcu_hour");
            }
        }
        b.FromUsage("Storage", UsageKeys.StorageGb, "dynamodb/storage");
    }

    /// <summary>The table's provisioned WCU and RCU plus those of its global secondary indexes.</summary>
    public static (decimal Write, decimal Read, Input? Missing) ProvisionedCapacity(ResourceView r, bool tf)
    {
        decimal write = 0, read = 0;
        IEnumerable<(Input W, Input R)> parts = tf
            ? new[] { (r.Get("write_capacity"), r.Get("read_capacity")) }
                .Concat(r.Blocks("global_secondary_index").Select(g => (g.Get("write_capacity"), g.Get("read_capacity"))))
            : r.Blocks("ProvisionedThroughput").Select(p => (p.Get("WriteCapacityUnits"), p.Get("ReadCapacityUnits")))
                .Concat(r.Blocks("GlobalSecondaryIndexes").SelectMany(g => g.Blocks("ProvisionedThroughput"))
                    .Select(p => (p.Get("WriteCapacityUnits"), p.Get("ReadCapacityUnits"))));
        bool any = false;
        foreach (var (w, rd) in parts)
        {
            any = true;
            if (w.Number is not { } wn) return (0, 0, w);
            if (rd.Number is not { } rn) return (0, 0, rd);
            write += wn;
            read += rn;
        }
        return any ? (write, read, null) : (0, 0, tf ? r.Get("write_capacity") : r.Get("ProvisionedThroughput"));
    }
}

/// <summary>
/// An S3 bucket: storage and requests, all usage-based. Standard storage (first 50 TB tier) and requests always show;
/// Standard-IA, One Zone-IA and the Glacier classes show when usage gives their GB.
/// </summary>
public sealed class S3BucketEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::S3::Bucket", "aws_s3_bucket"];

    public override void Estimate(EstimateBuilder b)
    {
        b.FromUsage("Storage (Standard)", UsageKeys.StorageGb, "s3/STANDARD/storage_first_50TB");
        // Other storage classes appear only when usage says how much they hold (lifecycle transitions move data there).
        foreach (var (key, (cls, label)) in UsageKeys.S3ClassStorage)
            if (b.UsageValue(key) is not null) b.FromUsage($"Storage ({label})", key, $"s3/{cls}/storage");
        b.FromUsage("PUT, COPY, POST, LIST requests", UsageKeys.MonthlyPutRequests, "s3/STANDARD/put_copy_post_list", 1000m);
        b.FromUsage("GET and other requests", UsageKeys.MonthlyGetRequests, "s3/STANDARD/get_and_other", 1000m);
    }
}

/// <summary>A CloudWatch Logs log group: ingestion (Standard or Infrequent Access class) and stored data, both usage-based.</summary>
public sealed class LogGroupEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::Logs::LogGroup", "aws_cloudwatch_log_group"];

    public override void Estimate(EstimateBuilder b)
    {
        var cls = IsTerraform(b.Resource) ? b.Resource.Get("log_group_class") : b.Resource.Get("LogGroupClass");
        bool infrequent = cls.Text == "INFREQUENT_ACCESS";
        b.FromUsage(infrequent ? "Ingestion (Infrequent Access)" : "Ingestion", UsageKeys.MonthlyDataIngestedGb,
            infrequent ? "cloudwatch_logs/ingestion_infrequent_access" : "cloudwatch_logs/ingestion");
        b.FromUsage("Storage", UsageKeys.StorageGb, "cloudwatch_logs/archival_storage");
    }
}
