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

    public static string Describe(IacResource resource) => $"'{resource.Address}' ({resource.Type})";

    /// <summary>
    /// A finding about a tag is reported where the tag is written (a provider's default_tags, SAM Globals, a CDK
    /// Tags.Of call), so it is fixed there once; the resource it applies to is the related location.
    /// </summary>
    public static IReadOnlyList<RelatedLocation> Origin(ResourceTag tag, IacResource resource) =>
        tag.Source == TagSource.Inline ? [] :
        [new RelatedLocation(resource.FilePath, resource.NameRange, $"applies to {Describe(resource)} through the {tag.Source.Describe()}")];
}
