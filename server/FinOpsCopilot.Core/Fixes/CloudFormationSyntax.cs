using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>Lookups into a CloudFormation document's syntax tree that both the YAML and the JSON editors need.</summary>
internal static class CloudFormationSyntax
{
    public static IEnumerable<string> ParameterNames(IacDocument document) =>
        ((document.Syntax as TemplateMapping)?["Parameters"] as TemplateMapping)?.Entries.Select(e => e.Key.Value) ?? [];

    public static TemplateMapping? ResourceBody(IacDocument document, IacResource resource) =>
        ((document.Syntax as TemplateMapping)?["Resources"] as TemplateMapping)?[resource.Name] as TemplateMapping;
}
