using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// A provisioned table whose consumed capacity (from the usage section) is under 20 % of what it provisions.
/// The saving right-sizes to the consumed capacity at DynamoDB auto scaling's default 70 % target utilisation.
/// Without consumption figures the rule cannot judge and stays silent.
/// </summary>
public sealed class DynamoDbProvisionedIdleCapacityRule : CostRule
{
    public const decimal IdleBelowPercent = 20m;
    public const decimal TargetUtilisationPercent = 70m;

    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.DynamoDbProvisionedIdleCapacity, "DynamoDB table provisions idle capacity",
        "The table's consumed read or write capacity (usage: consumed_*_capacity_percent) is under 20 % of its provisioned capacity.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::DynamoDB::Table", "aws_dynamodb_table"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        bool tf = IsTerraform(r);
        var mode = (tf ? r.Get("billing_mode") : r.Get("BillingMode")).Text ?? "PROVISIONED";
        if (mode != "PROVISIONED") return;
        var (write, read, missing) = DynamoDbEstimator.ProvisionedCapacity(r, tf);
        if (missing is not null) return;
        var usage = context.Policy.Usage.For(r.Resource.Type, r.Resource.Address);
        var prices = Prices(context, r);
        decimal saving = 0;
        var idle = new List<string>();
        foreach (var (key, units, sku, label) in new[]
                 {
                     (UsageKeys.ConsumedReadCapacityPercent, read, "dynamodb/provisioned_rcu_hour", "read"),
                     (UsageKeys.ConsumedWriteCapacityPercent, write, "dynamodb/provisioned_wcu_hour", "write"),
                 })
        {
            if (!usage.TryGetValue(key, out var percent) || percent >= IdleBelowPercent || units == 0) continue;
            idle.Add($"{label} {percent}% used");
            saving += (Monthly(prices, sku, units * Billing.HoursPerMonth) ?? 0) * (1 - percent / TargetUtilisationPercent);
        }
        if (idle.Count == 0) return;
        decimal? rounded = saving > 0 ? Billing.Round(saving) : null;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            $"Provisioned capacity is mostly idle ({string.Join(", ", idle)}): lower it, add auto scaling or use on-demand; saving {Money(rounded)}",
            new FixSuggestion("replace-value", "Switch to on-demand capacity", new Dictionary<string, string>
                { ["property"] = tf ? "billing_mode" : "BillingMode", ["to"] = "PAY_PER_REQUEST" }), saving: rounded);
    }
}
