namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>C# that does not compile (or was never restored) still yields what can be read.</summary>
public class BrokenSourceTests
{
    [Fact]
    public void Syntax_errors_do_not_stop_the_constructs_around_them()
    {
        var source = Cdk.Usings + """
            public class MyStack : Stack
            {
                public MyStack(Construct scope, string id) : base(scope, id)
                {
                    var a = new Bucket(this, "A", new BucketProps { Versioned = true );
                    var b = new Instance(this, "B", new InstanceProps { InstanceType = new InstanceType("t3.micro") })
                    Tags.Of(this).Add("Owner", "me")
                    new LogGroup(this, "C"
                }
            """;
        var result = Cdk.Read(("Stack.cs", source));
        Assert.Equal(["MyStack/A", "MyStack/B", "MyStack/C"], result.All().Select(r => r.Address).Order(StringComparer.Ordinal));
        Assert.Equal("t3.micro", result.At("MyStack/B").Prop("InstanceType"));
        Assert.Equal("me", result.At("MyStack/B").FindTag("Owner")?.Value);
    }

    [Fact]
    public void Unknown_types_and_missing_references_compile_with_errors_but_read()
    {
        // Semantic mode without the CDK assemblies: every CDK type is an error type; the reader falls back to syntax.
        var result = Cdk.ReadSemantic(("Stack.cs", Cdk.Stack("new Bucket(this, \"A\", new BucketProps { BucketName = Undefined.Thing });")));
        Assert.Equal("AWS::S3::Bucket", result.At("MyStack/A").Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("class")]
    [InlineData("new Bucket(")]
    [InlineData("new Bucket(this,")]
    [InlineData("public class S : Stack { public S() : base(null, null) { new Bucket(this, null); new Bucket(this, 42); Tags.Of(this).Add(); Tags.Of().Add(\"a\", \"b\"); } }")]
    [InlineData("public class S : Stack { S() { new S(this, \"again\"); } }")]
    [InlineData("public class A : B { A() { new B(this, \"b\"); } } public class B : A { B() { new A(this, \"a\"); } }")]
    public void Degenerate_input_never_throws(string source)
    {
        var result = Cdk.Read(("X.cs", source));
        Assert.NotNull(result);
    }
}
