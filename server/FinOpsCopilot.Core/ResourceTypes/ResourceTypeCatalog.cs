using System.Collections.Frozen;
using System.Text.Json;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.ResourceTypes;

/// <summary>What the product knows of one resource type: whether and how it is tagged.</summary>
public sealed record ResourceTypeInfo(string Type, TagShape TagShape, string TagProperty);

/// <summary>
/// The resource types of one IaC language and how each takes tags, read once from an embedded table
/// (<c>Data/cloudformation-types.json</c>, <c>Data/terraform-aws-types.json</c>).
/// </summary>
public sealed class ResourceTypeCatalog
{
    private readonly FrozenDictionary<string, ResourceTypeInfo> _types;

    private ResourceTypeCatalog(FrozenDictionary<string, ResourceTypeInfo> types) => _types = types;

    private static readonly Lazy<ResourceTypeCatalog> CloudFormationCatalog = new(() => Load("cloudformation-types.json", "Tags"));
    private static readonly Lazy<ResourceTypeCatalog> TerraformCatalog = new(() => Load("terraform-aws-types.json", "tags"));

    public static ResourceTypeCatalog CloudFormation => CloudFormationCatalog.Value;
    public static ResourceTypeCatalog Terraform => TerraformCatalog.Value;

    public int Count => _types.Count;

    public bool IsKnown(string type) => _types.ContainsKey(type);

    public ResourceTypeInfo? Find(string type) => _types.GetValueOrDefault(type);

    public IEnumerable<ResourceTypeInfo> All => _types.Values;

    private static ResourceTypeCatalog Load(string resource, string defaultTagProperty)
    {
        using var stream = typeof(ResourceTypeCatalog).Assembly.GetManifestResourceStream("FinOpsCopilot.Core.Data." + resource)
            ?? throw new InvalidOperationException($"The embedded table {resource} is missing from the build.");
        using var json = JsonDocument.Parse(stream);
        var types = new Dictionary<string, ResourceTypeInfo>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.GetProperty("types").EnumerateObject())
        {
            var shape = TagShape.None;
            var property = defaultTagProperty;
            if (entry.Value.TryGetProperty("tags", out var tags))
                shape = tags.GetString() switch
                {
                    "list" => TagShape.KeyValueList,
                    "map" => TagShape.Map,
                    "asg" => TagShape.AutoScalingList,
                    _ => TagShape.None,
                };
            if (entry.Value.TryGetProperty("property", out var p) && p.GetString() is { Length: > 0 } name) property = name;
            types[entry.Name] = new ResourceTypeInfo(entry.Name, shape, property);
        }
        return new ResourceTypeCatalog(types.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
