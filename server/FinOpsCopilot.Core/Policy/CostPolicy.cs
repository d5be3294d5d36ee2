namespace FinOpsCopilot.Core.Policy;

/// <summary>
/// The <c>cost:</c> section of <c>.finops.yml</c>: how cost rules tell a non-production resource from a production one.
/// A resource is non-production when one of <see cref="EnvironmentTags"/> has a value in <see cref="NonProductionEnvironments"/>,
/// or, with no such tag, when a word of its name is one of them.
/// </summary>
public sealed class CostPolicy
{
    public static readonly CostPolicy Default = new();

    public IReadOnlyList<string> EnvironmentTags { get; init; } = ["Environment", "Env", "Stage"];

    public IReadOnlyList<string> NonProductionEnvironments { get; init; } =
        ["dev", "development", "test", "testing", "qa", "staging", "stage", "sandbox", "nonprod", "non-prod", "uat", "preview"];
}
