namespace FinOpsCopilot.Core.Rules;

/// <summary>The stable codes of every rule. They appear in output, policy files and ignore comments: never rename one.</summary>
public static class RuleCodes
{
    public const string ParseError = "parse-error";
    public const string TemplateInvalid = "template-invalid";
    public const string ResourceTypeUnknown = "resource-type-unknown";
    public const string NotAnalysed = "not-analysed";
    public const string TagMissing = "tag-missing";
    public const string TagValueInvalid = "tag-value-invalid";
    public const string TagKeyCase = "tag-key-case";
}
