using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>Where an effective tag is declared. Fixes and findings go to that place.</summary>
public enum TagSource
{
    /// <summary>Written on the resource itself.</summary>
    Inline,
    /// <summary>A default for every resource of a stack or template (SAM <c>Globals</c>, stack-level tags).</summary>
    StackDefault,
    /// <summary>Terraform AWS provider <c>default_tags</c>.</summary>
    ProviderDefault,
    /// <summary>Applied from a parent scope (CDK <c>Tags.Of(scope)</c>) or propagated at launch.</summary>
    Propagated,
}

/// <summary>
/// One effective tag of a resource. <see cref="Value"/> is null when the value is present but unknown (a reference),
/// and <see cref="UnknownReason"/> says why; such a tag counts as present and is never judged.
/// </summary>
public sealed record ResourceTag(
    string Key,
    string? Value,
    TagSource Source,
    SourceRange KeyRange,
    SourceRange ValueRange,
    string? UnknownReason = null,
    string? DeclaredIn = null)
{
    public bool IsValueKnown => Value is not null;
}

public static class TagSourceNames
{
    /// <summary>How a tag's origin reads in messages and hovers.</summary>
    public static string Describe(this TagSource source) => source switch
    {
        TagSource.StackDefault => "template default",
        TagSource.ProviderDefault => "provider default_tags",
        TagSource.Propagated => "applied from a parent scope",
        _ => "on the resource",
    };
}
