namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>
/// A Lambda function: requests and compute (GB-seconds = requests × duration × memory), both usage-based, priced
/// by architecture with AWS's monthly volume tiers; ephemeral storage beyond the free 512 MB adds GB-seconds too.
/// </summary>
public sealed class LambdaEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"];

    // Tier sizes in GB-seconds per month, from the AWS Lambda pricing page.
    private static readonly (decimal Size, string Key)[] X86Tiers = [(6_000_000_000m, "x86_64_first_6B_gb_s"), (9_000_000_000m, "x86_64_next_9B_gb_s"), (decimal.MaxValue, "x86_64_over_15B_gb_s")];
    private static readonly (decimal Size, string Key)[] ArmTiers = [(7_500_000_000m, "arm64_first_7_5B_gb_s"), (11_250_000_000m, "arm64_next_11_25B_gb_s"), (decimal.MaxValue, "arm64_over_18_75B_gb_s")];

    public override void Estimate(EstimateBuilder b)
    {
        var r = b.Resource;
        bool tf = IsTerraform(r);
        var arch = Architecture(r, tf);
        var memoryInput = tf ? r.Get("memory_size") : r.Get("MemorySize");
        b.FromUsage("Requests", UsageKeys.MonthlyRequests, "lambda/requests", 1_000_000m);
        if (arch is null) { b.Unknown("Compute (GB-seconds)", "GB-seconds", tf ? "architectures" : "Architectures", "known only at deploy time"); return; }
        // 128 MB is the documented default memory size.
        var memory = memoryInput.Number ?? (memoryInput.IsAbsent ? 128m : (decimal?)null);
        if (memory is null) { b.Unknown($"Compute ({arch})", "GB-seconds", memoryInput.Name, memoryInput.Reason); return; }
        var gbSeconds = GbSeconds(b, memory.Value);
        var tiers = arch == "arm64" ? ArmTiers : X86Tiers;
        if (gbSeconds is null)
            b.UsageQuantity($"Compute ({arch}, {memory} MB)", null, $"lambda/{tiers[0].Key}", $"{UsageKeys.MonthlyRequests}, {UsageKeys.AverageDurationMs}");
        else
        {
            var left = gbSeconds.Value;
            for (int i = 0; i < tiers.Length && (left > 0 || i == 0); i++)
            {
                var inTier = Math.Min(left, tiers[i].Size);
                b.UsageQuantity(i == 0 ? $"Compute ({arch}, {memory} MB)" : $"Compute ({arch}), tier {i + 1}", inTier, $"lambda/{tiers[i].Key}", "");
                left -= inTier;
            }
        }
        var storage = tf ? r.Block("ephemeral_storage")?.Get("size") : r.Block("EphemeralStorage")?.Get("Size");
        if (storage?.Number is { } mb && mb > 512)
        {
            var seconds = GbSeconds(b, 1024m);
            b.UsageQuantity($"Ephemeral storage beyond 512 MB ({mb} MB)", seconds * (mb - 512) / 1024m, "lambda/ephemeral_storage",
                $"{UsageKeys.MonthlyRequests}, {UsageKeys.AverageDurationMs}");
        }
    }

    public static string? Architecture(ResourceView r, bool tf)
    {
        var input = tf ? r.Get("architectures") : r.Get("Architectures");
        if (input.IsAbsent) return "x86_64";
        if (input.Value is Model.ListValue { Items: [var first, ..] } && first.AsString() is { } a) return a;
        return input.Text;
    }

    private static decimal? GbSeconds(EstimateBuilder b, decimal memoryMb) =>
        b.UsageValue(UsageKeys.MonthlyRequests) is { } requests && b.UsageValue(UsageKeys.AverageDurationMs) is { } ms
            ? requests * ms / 1000m * memoryMb / 1024m
            : null;
}
