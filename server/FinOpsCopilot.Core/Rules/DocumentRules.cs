using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules;

public sealed class ParseErrorRule : DocumentDiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.ParseError, "File cannot be parsed",
        "The file has a syntax error; resources after the error may not be analysed.", Severity.Error, "correctness");
}

public sealed class TemplateInvalidRule : DocumentDiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.TemplateInvalid, "Template structure is invalid",
        "The template parses but breaks the rules of its format: a duplicate logical ID or key, a resource without a Type, a Resources section that is not a mapping.",
        Severity.Error, "correctness");
}

public sealed class ResourceTypeUnknownRule : DocumentDiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.ResourceTypeUnknown, "Unknown resource type",
        "The resource type is not a known AWS resource type; it may be misspelt, and it cannot be priced or checked for tags.",
        Severity.Warning, "correctness");
}

public sealed class NotAnalysedRule : DocumentDiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.NotAnalysed, "Construct not analysed",
        "A construct whose result is known only at deploy time (Fn::ForEach, a custom YAML tag such as !Rain::Module, a remote module) is skipped; nothing inside it is checked.",
        Severity.Info, "coverage");
}
