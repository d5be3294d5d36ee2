using System.Reflection;

namespace FinOpsCopilot.Core;

/// <summary>The product's name, version and where its documentation lives (one place, used by every output).</summary>
public static class ProductInfo
{
    public const string ToolName = "finops-copilot";
    public const string DisplayName = "FinOps Copilot";
    public const string RepositoryUrl = "https://github.com/finops-copilot/finops-copilot";

    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static Uri RuleDocs(string code) => new($"{RepositoryUrl}/blob/main/docs/rules/{code}.md");
}
