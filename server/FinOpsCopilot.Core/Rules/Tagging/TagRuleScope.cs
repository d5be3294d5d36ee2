using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Rules.Tagging;

/// <summary>Which resources the tag policy judges, and how a required key is looked up on them.</summary>
internal static class TagRuleScope
{
    public static bool InScope(IacResource resource, TagPolicy policy) =>
        resource.IsTaggable
        && policy.Required.Count > 0
        && policy.AppliesToType(resource.Type)
        && !policy.IsExempt(resource.Name, resource.Address);

    /// <summary>The tag carrying <paramref name="key"/> as the policy compares keys.</summary>
    public static ResourceTag? Find(IacResource resource, string key, TagPolicy policy) =>
        resource.FindTag(key, policy.CaseSensitiveKeys ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    /// <summary>A tag whose key equals <paramref name="key"/> but for case, when keys are case-sensitive.</summary>
    public static ResourceTag? FindCaseVariant(IacResource resource, string key, TagPolicy policy) =>
        policy.CaseSensitiveKeys && resource.FindTag(key) is null ? resource.FindTag(key, StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>
    /// Where a finding about <paramref name="range"/> of a tag goes: there when the tag is written in the resource's own
    /// file, else on the resource's name (a CDK tag set in Program.cs); <see cref="Origin"/> then points at the tag.
    /// </summary>
    public static SourceRange At(ResourceTag tag, SourceRange range, IacResource resource) =>
        tag.DeclaredIn is { } file && file != resource.FilePath ? resource.NameRange : range;

    public static string Describe(IacResource resource) => $"'{resource.Address}' ({resource.Type})";

    public static IReadOnlyList<RelatedLocation> Origin(ResourceTag tag, IacResource resource) =>
        tag.Source == TagSource.Inline ? [] :
        [new RelatedLocation(tag.DeclaredIn ?? resource.FilePath, tag.ValueRange, $"tag '{tag.Key}' is set here ({SourceName(tag.Source)})")];

    public static string SourceName(TagSource source) => source switch
    {
        TagSource.StackDefault => "template default",
        TagSource.ProviderDefault => "provider default_tags",
        TagSource.Propagated => "applied from a parent scope",
        _ => "on the resource",
    };
}
