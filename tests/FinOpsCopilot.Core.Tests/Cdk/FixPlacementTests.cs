using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Where a missing tag is fixed: a Tags.Of statement after the declaration, or at the top of the stack constructor.</summary>
public class FixPlacementTests
{
    private const string Body = """
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            NatGateways = 0,
        });
        new Bucket(this, "Logs");
        """;

    [Fact]
    public void Construct_fix_goes_after_its_declaration_statement_with_its_variable()
    {
        var source = Cdk.Stack(Body);
        var vpc = Cdk.Read(("Stack.cs", source)).At("MyStack/Vpc");
        var target = vpc.TagContainer!.Construct!;
        var text = new SourceText("Stack.cs", source);
        Assert.Equal(("Stack.cs", "vpc"), (target.FilePath, target.ScopeExpression));
        Assert.Equal("        });", text.LineText(target.InsertAt.Line - 1));
        Assert.Equal(0, target.InsertAt.Character);
        Assert.Equal("        ", target.Indentation);
        Assert.Equal("        Tags.Of(vpc).Add(\"Owner\", \"a \\\"b\\\"\");", target.StatementFor("Owner", "a \"b\""));
        Assert.Equal(target.InsertAt, vpc.TagContainer.InsertionAnchor.Start);
        Assert.Equal("Tags", vpc.TagContainer.PropertyName);
    }

    [Fact]
    public void Construct_without_a_variable_is_named_through_its_parent()
    {
        var logs = Cdk.Read(("Stack.cs", Cdk.Stack(Body))).At("MyStack/Logs");
        Assert.Equal("Node.FindChild(\"Logs\")", logs.TagContainer!.Construct!.ScopeExpression);
    }

    [Fact]
    public void Stack_fix_goes_on_the_first_line_of_the_stack_constructor()
    {
        var source = Cdk.Stack(Body);
        var target = Cdk.Read(("Stack.cs", source)).At("MyStack/Logs").TagContainer!.Stack!;
        var text = new SourceText("Stack.cs", source);
        Assert.Equal("this", target.ScopeExpression);
        Assert.EndsWith("{", text.LineText(target.InsertAt.Line - 1));
        Assert.StartsWith("        var vpc", text.LineText(target.InsertAt.Line));
        Assert.Equal("        ", target.Indentation);
    }

    [Theory]
    [InlineData("construct")]
    [InlineData("stack")]
    public void Applying_the_fix_makes_the_finding_go_away(string where)
    {
        var source = Cdk.Stack(Body);
        var policy = "version: 1\ntags:\n  required: [Owner]\n";
        var before = Cdk.Read(("Stack.cs", source)).Analyze(policy);
        var finding = before.First(f => f.RuleId == RuleCodes.TagMissing && f.ResourceAddress == "MyStack/Logs");
        var resource = Cdk.Read(("Stack.cs", source)).At("MyStack/Logs");
        var target = where == "stack" ? resource.TagContainer!.Stack! : resource.TagContainer!.Construct!;
        var text = new SourceText("Stack.cs", source);
        var at = text.OffsetAt(target.InsertAt);
        var fixedSource = source[..at] + target.StatementFor("Owner", "team") + text.NewLine + source[at..];
        var after = Cdk.Read(("Stack.cs", fixedSource)).Analyze(policy);
        Assert.DoesNotContain(after, f => f.ResourceAddress == finding.ResourceAddress);
        Assert.Equal(where == "stack" ? 0 : before.Count - 1, after.Count);
    }

    [Fact]
    public void Untaggable_resources_have_no_tag_container()
    {
        var r = Cdk.Resource("new CfnBucketPolicy(this, \"P\", new CfnBucketPolicyProps());", "MyStack/P");
        Assert.Equal(TagShape.None, r.TagShape);
        Assert.Null(r.TagContainer);
    }

    [Fact]
    public void Stack_fix_of_a_construct_in_another_class_goes_to_the_stack_file()
    {
        var web = Cdk.Usings + "public class Web : Construct { public Web(Construct scope, string id) : base(scope, id) { var b = new Bucket(this, \"B\"); } }";
        var result = Cdk.Read(("Web.cs", web), ("Stack.cs", Cdk.Stack("new Web(this, \"Web\");")));
        var container = result.At("MyStack/Web/B").TagContainer!;
        Assert.Equal(("Web.cs", "b"), (container.Construct!.FilePath, container.Construct.ScopeExpression));
        Assert.Equal(("Stack.cs", "this"), (container.Stack!.FilePath, container.Stack.ScopeExpression));
    }
}
