using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>
/// One cloud resource declared in infrastructure code, in a form every format shares.
/// <see cref="Range"/> is the whole declaration, starting at its name (logical ID) or keyword (Terraform).
/// </summary>
public sealed class IacResource
{
    public required string Type { get; init; }

    /// <summary>The logical ID (CloudFormation), block name (Terraform) or construct ID (CDK).</summary>
    public required string Name { get; init; }

    /// <summary>The unique address in its document set: the logical ID, or a Terraform address such as <c>module.db.aws_db_instance.this[0]</c>.</summary>
    public required string Address { get; init; }

    /// <summary>
    /// The CloudFormation logical ID when it differs from <see cref="Name"/>: a CDK construct's synthesized ID, which
    /// other resources of the template use in their Ref and GetAtt.
    /// </summary>
    public string? LogicalId { get; init; }

    public required string FilePath { get; init; }
    public required SourceRange Range { get; init; }
    public required SourceRange NameRange { get; init; }
    public required MapValue Properties { get; init; }

    /// <summary>
    /// The region of this resource when it can differ from its document's (a Terraform resource on an aliased
    /// provider such as <c>provider = aws.dr</c>); null means the document's region.
    /// </summary>
    public string? Region { get; init; }
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The tag shape of the type; <see cref="TagShape.None"/> for types that cannot be tagged.</summary>
    public TagShape TagShape { get; init; }

    public TagContainer? TagContainer { get; init; }

    /// <summary>
    /// Set when the resource may carry tags the analysis cannot see (tags built from a reference or a condition);
    /// a tag that looks missing then cannot be called missing.
    /// </summary>
    public string? UnknownTagsReason { get; init; }

    /// <summary>Rule codes suppressed for this resource by an inline <c>finops:ignore</c> comment.</summary>
    public IReadOnlySet<string> IgnoredRules { get; init; } = EmptySet;

    public bool IsTaggable => TagShape != TagShape.None;

    public ResourceTag? FindTag(string key, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var t in Tags)
            if (string.Equals(t.Key, key, comparison)) return t;
        return null;
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
}
