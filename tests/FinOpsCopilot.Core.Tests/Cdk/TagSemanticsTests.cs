using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Tags.Of(scope) as CDK applies it: scope, order, priority, removal, include and exclude resource types.</summary>
public class TagSemanticsTests
{
    private static string Program(string tags) => Cdk.Usings + $$"""
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                var stack = new MyStack(app, "Shop");
                {{tags}}
                app.Synth();
            }
        }
        """;

    [Fact]
    public void App_level_tags_reach_every_construct_and_are_propagated_from_their_file()
    {
        var stack = Cdk.Stack("var b = new Bucket(this, \"B\");");
        var program = Program("Tags.Of(app).Add(\"CostCenter\", \"CC-0001\");");
        var tag = Cdk.Read(("Stack.cs", stack), ("Program.cs", program)).At("Shop/B").FindTag("CostCenter")!;
        Assert.Equal("CC-0001", tag.Value);
        Assert.Equal(TagSource.Propagated, tag.Source);
        Assert.Equal("Program.cs", tag.DeclaredIn);
        Assert.Equal("\"CC-0001\"", TestSupport.Covered(program, tag.ValueRange));
    }

    [Fact]
    public void Construct_level_tags_are_inline_and_only_on_that_construct()
    {
        var source = Cdk.Stack("""
            var a = new Bucket(this, "A");
            var b = new Bucket(this, "B");
            Tags.Of(a).Add("Owner", "team-a");
            """);
        var result = Cdk.Read(("Stack.cs", source));
        var tag = result.At("MyStack/A").FindTag("Owner")!;
        Assert.Equal((TagSource.Inline, null), (tag.Source, tag.DeclaredIn));
        Assert.Null(result.At("MyStack/B").FindTag("Owner"));
    }

    [Fact]
    public void Later_add_at_the_same_priority_wins_and_child_scopes_apply_after_parents()
    {
        var stack = Cdk.Stack("""
            var b = new Bucket(this, "B");
            Tags.Of(b).Add("Environment", "dev");
            Tags.Of(this).Add("Environment", "staging");
            """);
        var program = Program("Tags.Of(app).Add(\"Environment\", \"prod\");");
        // The app applies first, then the stack, then the bucket, whatever order the code runs them in.
        Assert.Equal("dev", Cdk.Read(("Stack.cs", stack), ("Program.cs", program)).At("Shop/B").FindTag("Environment")!.Value);
    }

    [Fact]
    public void Remove_on_a_scope_removes_for_everything_beneath()
    {
        var resources = Cdk.Resources("""
            Tags.Of(this).Add("Owner", "me");
            var b = new Bucket(this, "B");
            var l = new LogGroup(this, "L");
            Tags.Of(l).Remove("Owner");
            """);
        Assert.NotNull(resources.Single(r => r.Name == "B").FindTag("Owner"));
        Assert.Null(resources.Single(r => r.Name == "L").FindTag("Owner"));
    }

    [Fact]
    public void Remove_on_a_parent_beats_a_child_add_of_lower_priority()
    {
        var r = Cdk.Resource("""
            var b = new Bucket(this, "B");
            Tags.Of(b).Add("Owner", "me");
            Tags.Of(this).Remove("Owner");
            """, "MyStack/B");
        Assert.Null(r.FindTag("Owner"));
    }

    [Fact]
    public void Higher_priority_wins_over_later_adds()
    {
        var r = Cdk.Resource("""
            Tags.Of(this).Add("Environment", "prod", new TagProps { Priority = 300 });
            var b = new Bucket(this, "B");
            Tags.Of(b).Add("Environment", "dev");
            """, "MyStack/B");
        Assert.Equal("prod", r.FindTag("Environment")!.Value);
    }

    [Fact]
    public void Include_and_exclude_resource_types_filter_by_cloudformation_type()
    {
        var resources = Cdk.Resources("""
            Tags.Of(this).Add("A", "1", new TagProps { IncludeResourceTypes = new[] { "AWS::S3::Bucket" } });
            Tags.Of(this).Add("B", "2", new TagProps { ExcludeResourceTypes = new[] { "AWS::S3::Bucket" } });
            new Bucket(this, "Bucket");
            new LogGroup(this, "Logs");
            """);
        var bucket = resources.Single(r => r.Name == "Bucket");
        var logs = resources.Single(r => r.Name == "Logs");
        Assert.Equal(["A"], bucket.Tags.Select(t => t.Key));
        Assert.Equal(["B"], logs.Tags.Select(t => t.Key));
    }

    [Fact]
    public void L1_initial_tags_are_overridden_by_tags_of()
    {
        var r = Cdk.Resource("""
            var i = new CfnInstance(this, "I", new CfnInstanceProps
            {
                InstanceType = "t3.micro",
                Tags = new[] { new CfnTag { Key = "Environment", Value = "dev" }, new CfnTag { Key = "Owner", Value = "me" } },
            });
            Tags.Of(this).Add("Environment", "prod");
            """, "MyStack/I");
        Assert.Equal("prod", r.FindTag("Environment")!.Value);
        Assert.Equal((TagSource.Inline, "me"), (r.FindTag("Owner")!.Source, r.FindTag("Owner")!.Value));
    }

    [Fact]
    public void Unknown_values_count_as_present_and_unknown_keys_make_tags_unknown()
    {
        var source = Cdk.Usings + """
            public class MyStack : Stack
            {
                public MyStack(Construct scope, string id, string owner, string key) : base(scope, id)
                {
                    var a = new Bucket(this, "A");
                    Tags.Of(a).Add("Owner", owner);
                    var b = new Bucket(this, "B");
                    Tags.Of(b).Add(key, "x");
                }
            }
            """;
        var result = Cdk.Read(("Stack.cs", source));
        var owner = result.At("MyStack/A").FindTag("Owner")!;
        Assert.Null(owner.Value);
        Assert.Contains("owner", owner.UnknownReason);
        Assert.NotNull(result.At("MyStack/B").UnknownTagsReason);
        Assert.DoesNotContain(result.Analyze(), f => f.RuleId == RuleCodes.TagMissing && f.ResourceAddress == "MyStack/B");
    }

    [Fact]
    public void A_scope_the_analysis_cannot_follow_is_reported()
    {
        var result = Cdk.Read(("Stack.cs", Cdk.Stack("new Bucket(this, \"B\");\nTags.Of(FindSomething()).Add(\"Owner\", \"x\");")));
        var d = Assert.Single(result.Diagnostics());
        Assert.Equal(RuleCodes.NotAnalysed, d.Code);
        Assert.Contains("FindSomething()", d.Message);
    }

    [Fact]
    public void Tags_of_find_child_and_stack_of_resolve()
    {
        var resources = Cdk.Resources("""
            new Bucket(this, "B");
            Tags.Of(Node.FindChild("B")).Add("Owner", "me");
            var l = new LogGroup(this, "L");
            Tags.Of(Stack.Of(l)).Add("CostCenter", "CC-1000");
            """);
        Assert.Equal("me", resources.Single(r => r.Name == "B").FindTag("Owner")!.Value);
        Assert.All(resources, r => Assert.Equal("CC-1000", r.FindTag("CostCenter")!.Value));
    }

    [Fact]
    public void Aws_prefixed_keys_are_ignored()
    {
        Assert.Null(Cdk.Resource("Tags.Of(this).Add(\"aws:x\", \"1\");\nnew Bucket(this, \"B\");", "MyStack/B").FindTag("aws:x"));
    }

    [Fact]
    public void Tag_findings_from_another_file_point_at_the_tag_with_the_construct_related()
    {
        var stack = Cdk.Stack("new Bucket(this, \"B\");");
        var program = Program("Tags.Of(app).Add(\"CostCenter\", \"1000\");\nTags.Of(app).Add(\"Environment\", \"prod\");\nTags.Of(app).Add(\"Owner\", \"me\");");
        var finding = Assert.Single(Cdk.Read(("Stack.cs", stack), ("Program.cs", program)).Analyze());
        Assert.Equal(RuleCodes.TagValueInvalid, finding.RuleId);
        Assert.Equal("Program.cs", finding.FilePath);
        Assert.Equal("\"1000\"", TestSupport.Covered(program, finding.Range));
        var related = Assert.Single(finding.Related);
        Assert.Equal("Stack.cs", related.FilePath);
        Assert.Equal("\"B\"", TestSupport.Covered(stack, related.Range));
    }

    [Fact]
    public void Inline_ignore_comment_suppresses_rules_on_the_construct()
    {
        var result = Cdk.Read(("Stack.cs", Cdk.Stack("// finops:ignore tag-missing\nnew Bucket(this, \"B\");\nnew Bucket(this, \"C\");")));
        Assert.Equal(["MyStack/C"], result.Analyze().Select(f => f.ResourceAddress));
    }
}
