using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>The tag editor for each document format; null where fixes are not supported yet.</summary>
public static class TagEditors
{
    public static ITagEditor? For(IacFormat format) => format switch
    {
        IacFormat.CloudFormationYaml => CloudFormationYamlTagEditor.Instance,
        IacFormat.CloudFormationJson => CloudFormationJsonTagEditor.Instance,
        IacFormat.Terraform => TerraformTagEditor.Instance,
        IacFormat.CdkCSharp => CdkCSharpTagEditor.Instance,
        _ => null,
    };
}
