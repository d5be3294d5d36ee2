namespace FinOpsCopilot.Core.Model;

/// <summary>The source language a document was read from. Stable names: they appear in the JSON output.</summary>
public enum IacFormat
{
    CloudFormationYaml,
    CloudFormationJson,
    Terraform,
    TerraformJson,
    CdkCSharp,
    CdkAssembly,
}

public static class IacFormatNames
{
    public static string ToId(this IacFormat format) => format switch
    {
        IacFormat.CloudFormationYaml => "cloudformation-yaml",
        IacFormat.CloudFormationJson => "cloudformation-json",
        IacFormat.Terraform => "terraform",
        IacFormat.TerraformJson => "terraform-json",
        IacFormat.CdkCSharp => "cdk-csharp",
        IacFormat.CdkAssembly => "cdk-assembly",
        _ => format.ToString(),
    };
}
