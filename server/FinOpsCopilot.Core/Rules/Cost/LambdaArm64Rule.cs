using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// An x86_64 Lambda function: arm64 bills GB-seconds about 20 % lower. Info only, since native dependencies must
/// support arm64. The saving is computed when usage gives requests and duration.
/// </summary>
public sealed class LambdaArm64Rule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.LambdaArm64, "Lambda function can run on arm64",
        "Functions on arm64 (Graviton) pay less per GB-second; most runtimes work unchanged unless they ship x86-only native code.",
        Severity.Info, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        bool tf = IsTerraform(r);
        if (LambdaEstimator.Architecture(r, tf) != "x86_64") return;
        var usage = context.Policy.Usage.For(r.Resource.Type, r.Resource.Address);
        var memory = (tf ? r.Get("memory_size") : r.Get("MemorySize")).Number ?? 128m;
        decimal? saving = null;
        if (usage.TryGetValue(UsageKeys.MonthlyRequests, out var requests) && usage.TryGetValue(UsageKeys.AverageDurationMs, out var ms))
        {
            var gbSeconds = requests * ms / 1000m * memory / 1024m;
            var prices = Prices(context, r);
            saving = Saving(Monthly(prices, "lambda/x86_64_first_6B_gb_s", gbSeconds), Monthly(prices, "lambda/arm64_first_7_5B_gb_s", gbSeconds));
        }
        var name = tf ? "architectures" : "Architectures";
        var input = r.Get(name);
        context.Report(Descriptor, r.Resource, At(r, input),
            "Function runs on x86_64: arm64 costs about 20 % less per GB-second" + (saving is null ? "" : $"; saving {Money(saving)}"),
            input.IsAbsent ? AddProperty(name, "[arm64]", "Run on arm64") : Replace(name, "x86_64", "arm64", "Run on arm64"), saving: saving);
    }
}
