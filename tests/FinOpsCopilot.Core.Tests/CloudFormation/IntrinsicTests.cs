using FinOpsCopilot.Core.Model;
using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.CloudFormation;

/// <summary>Every short-form tag reads, and what can be known without deploying is resolved; the rest is unknown with a reason.</summary>
public class IntrinsicTests
{
    private static IacValue Value(string yamlValue, string extra = "")
    {
        var template = $$"""
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Env: { Type: String, Default: prod }
              NoDefault: { Type: String }
              Zones: { Type: CommaDelimitedList, Default: "a, b,c" }
              Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami }
            Mappings:
              Sizes:
                prod: { Type: m5.large }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            {{extra}}
            Resources:
              Other:
                Type: AWS::S3::Bucket
              Subject:
                Type: AWS::S3::Bucket
                Properties:
                  Probe: {{yamlValue}}
            """;
        return Resource(template, "Subject").Properties["Probe"]!;
    }

    private static string Known(string yaml) => Value(yaml).AsString() ?? throw new Xunit.Sdk.XunitException($"unknown: {Value(yaml)}");

    private static string Unknown(string yaml) => Assert.IsType<UnknownValue>(Value(yaml)).Reason;

    [Fact] public void Ref_to_a_parameter_takes_its_default() => Assert.Equal("prod", Known("!Ref Env"));
    [Fact] public void Ref_long_form() => Assert.Equal("prod", Known("{ Ref: Env }"));
    [Fact] public void Ref_without_default_is_unknown() => Assert.Contains("no default", Unknown("!Ref NoDefault"));
    [Fact] public void Ssm_parameter_types_are_unknown_even_with_a_default() => Assert.Contains("SSM", Unknown("!Ref Ami"));
    [Fact] public void Ref_to_a_resource_is_unknown() => Assert.Contains("resource Other", Unknown("!Ref Other"));
    [Fact] public void Pseudo_parameters_are_unknown() => Assert.Contains("AWS::Region", Unknown("!Ref AWS::Region"));

    [Fact] public void Sub_substitutes_known_names() => Assert.Equal("app-prod", Known("!Sub app-${Env}"));
    [Fact] public void Sub_keeps_literal_escapes() => Assert.Equal("${Literal}-prod", Known("!Sub '${!Literal}-${Env}'"));
    [Fact] public void Sub_with_a_variable_map() => Assert.Equal("x-y", Known("!Sub [ '${A}-${B}', { A: x, B: y } ]"));
    [Fact] public void Sub_long_form() => Assert.Equal("app-prod", Known("{ 'Fn::Sub': 'app-${Env}' }"));
    [Fact] public void Sub_with_an_attribute_is_unknown() => Assert.Contains("Other.Arn", Unknown("!Sub '${Other.Arn}/x'"));
    [Fact] public void Sub_with_a_pseudo_parameter_is_unknown() => Assert.Contains("AWS::AccountId", Unknown("!Sub 'b-${AWS::AccountId}'"));

    [Fact] public void Join_of_known_parts() => Assert.Equal("a-prod-1", Known("!Join ['-', [a, !Ref Env, 1]]"));
    [Fact] public void Join_with_unknown_part() => Assert.Contains("Fn::GetAtt", Unknown("!Join ['', [a, !GetAtt Other.Arn]]"));
    [Fact] public void Select_from_a_list_parameter() => Assert.Equal("b", Known("!Select [1, !Ref Zones]"));
    [Fact] public void Select_from_a_split() => Assert.Equal("y", Known("!Select [1, !Split [',', 'x,y,z']]"));
    [Fact] public void FindInMap_resolves_known_keys() => Assert.Equal("m5.large", Known("!FindInMap [Sizes, !Ref Env, Type]"));
    [Fact] public void FindInMap_with_a_missing_key_is_unknown() => Assert.Contains("not in Mappings", Unknown("!FindInMap [Sizes, dev, Type]"));
    [Fact] public void If_with_different_branches_is_unknown() => Assert.Contains("IsProd", Unknown("!If [IsProd, a, b]"));
    [Fact] public void If_with_equal_branches_is_known() => Assert.Equal("a", Known("!If [IsProd, a, a]"));
    [Fact] public void GetAtt_dotted_form() => Assert.Contains("Other.Arn", Unknown("!GetAtt Other.Arn"));
    [Fact] public void GetAtt_list_form() => Assert.Contains("Other.Arn", Unknown("!GetAtt [Other, Arn]"));
    [Fact] public void ImportValue_is_unknown() => Assert.Contains("Fn::ImportValue shared", Unknown("!ImportValue shared"));
    [Fact] public void Base64_of_a_known_value() => Assert.Equal("cHJvZA==", Known("!Base64 { Ref: Env }"));

    [Theory]
    [InlineData("!GetAZs ''")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]")]
    [InlineData("!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }")]
    [InlineData("!ToJsonString { a: 1 }")]
    [InlineData("!Length [1, 2]")]
    [InlineData("!Equals [a, b]")]
    [InlineData("!And [!Condition IsProd, !Condition IsProd]")]
    [InlineData("!Or [!Condition IsProd, !Condition IsProd]")]
    [InlineData("!Not [!Condition IsProd]")]
    [InlineData("!Condition IsProd")]
    public void Deploy_time_functions_are_unknown(string yaml) => Assert.False(Value(yaml).IsKnown);

    [Fact]
    public void Unknown_custom_tags_are_reported_as_not_analysed()
    {
        var doc = Template("Resources:\n  M:\n    Type: AWS::S3::Bucket\n    Properties:\n      Probe: !Rain::Module ./m.yaml\n");
        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal("not-analysed", diagnostic.Code);
        Assert.Contains("!Rain::Module", diagnostic.Message);
        Assert.False(doc.Resources.Single().Properties["Probe"]!.IsKnown);
    }

    [Fact]
    public void NoValue_removes_the_property()
    {
        var props = Resource("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Ref AWS::NoValue\n      L: [x, !Ref AWS::NoValue]\n", "B").Properties;
        Assert.Null(props.Entry("A"));
        Assert.Single(((ListValue)props["L"]!).Items);
    }

    [Theory]
    [InlineData("42", typeof(NumberValue))]
    [InlineData("4.5", typeof(NumberValue))]
    [InlineData("'42'", typeof(StringValue))]
    [InlineData("true", typeof(BoolValue))]
    [InlineData("\"true\"", typeof(StringValue))]
    [InlineData("~", typeof(NullValue))]
    [InlineData("m5.large", typeof(StringValue))]
    public void Scalars_are_typed_like_yaml(string yaml, Type expected) => Assert.IsType(expected, Value(yaml));
}
