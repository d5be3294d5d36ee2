using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;
using static FinOpsCopilot.Core.Tests.Terraform.TerraformTestHost;

namespace FinOpsCopilot.Core.Tests.Terraform;

public class HclParserTests
{
    private static HclExpression Attr(string source, string name = "a")
    {
        var file = Parse(source);
        Assert.Empty(file.Diagnostics);
        return file.Body.Attribute(name)!.Value;
    }

    private static string SpanText(string source, HclNode node) => source[node.Span.Start..node.Span.End];

    [Fact]
    public void Attributes_and_blocks_with_labels_have_exact_spans()
    {
        const string src = "resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n  ebs_block_device {\n    size = 10\n  }\n}\n";
        var file = Parse(src);
        Assert.Empty(file.Diagnostics);
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("resource", block.Type);
        Assert.Equal(["aws_instance", "web"], block.Labels.Select(l => l.Value));
        Assert.Equal("\"web\"", src[block.Labels[1].Span.Start..block.Labels[1].Span.End]);
        Assert.StartsWith("resource", SpanText(src, block));
        Assert.EndsWith("}", SpanText(src, block));
        var ami = block.Body.Attribute("ami")!;
        Assert.Equal("ami = \"x\"", SpanText(src, ami));
        Assert.Equal(new SourceRange(new(1, 2), new(1, 11)), file.Text.RangeOf(ami.Span));
        var nested = Assert.Single(block.Body.Blocks);
        Assert.Equal("ebs_block_device", nested.Type);
        Assert.Empty(nested.Labels);
    }

    [Fact]
    public void One_line_blocks_and_bare_labels()
    {
        var file = Parse("variable x { default = 1 }\nlocals {}\n");
        Assert.Empty(file.Diagnostics);
        Assert.Equal("x", file.Body.Blocks[0].Labels[0].Value);
        Assert.NotNull(file.Body.Blocks[0].Body.Attribute("default"));
        Assert.Equal("locals", file.Body.Blocks[1].Type);
    }

    [Fact]
    public void All_three_comment_styles_are_skipped()
    {
        var file = Parse("# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\nb = /* inline */ 2\n");
        Assert.Empty(file.Diagnostics);
        Assert.Equal(["a", "b"], file.Body.Attributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1e3")]
    [InlineData("2.5E-2", "2.5E-2")]
    public void Numbers(string source, string text)
    {
        var lit = Assert.IsType<LiteralExpression>(Attr($"a = {source}\n"));
        Assert.Equal(LiteralKind.Number, lit.Kind);
        Assert.Equal(text, lit.Text);
    }

    [Theory]
    [InlineData(@"""a\nb""", "a\nb")]
    [InlineData(@"""tab\there""", "tab\there")]
    [InlineData(@"""q\""q""", "q\"q")]
    [InlineData(@"""back\\slash""", "back\\slash")]
    [InlineData(@"""\u00e9""", "é")]
    [InlineData(@"""\U0001F600""", "😀")]
    [InlineData(@"""$${literal}""", "${literal}")]
    [InlineData(@"""%%{literal}""", "%{literal}")]
    [InlineData(@"""""", "")]
    public void Strings_with_escapes(string source, string expected)
    {
        var lit = Assert.IsType<LiteralExpression>(Attr($"a = {source}\n"));
        Assert.Equal(expected, lit.Text);
    }

    [Fact]
    public void Invalid_escape_is_a_diagnostic_with_a_range()
    {
        var file = Parse("a = \"bad\\qescape\"\n");
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(RuleCodes.ParseError, d.Code);
        Assert.Equal(new SourcePosition(0, 8), d.Range.Start);
    }

    [Fact]
    public void Template_interpolation_and_directives()
    {
        var t = Assert.IsType<TemplateExpression>(Attr("a = \"x-${var.y}-%{if true}yes%{else}no%{endif}-%{for s in [1]}${s}%{endfor}\"\n"));
        Assert.IsType<LiteralPart>(t.Parts[0]);
        Assert.IsType<InterpolationPart>(t.Parts[1]);
        var ifPart = Assert.IsType<IfDirectivePart>(t.Parts[3]);
        Assert.Equal("yes", Assert.IsType<LiteralPart>(Assert.Single(ifPart.Then)).Text);
        Assert.Equal("no", Assert.IsType<LiteralPart>(Assert.Single(ifPart.Else)).Text);
        Assert.IsType<ForDirectivePart>(t.Parts[5]);
    }

    [Fact]
    public void Strip_markers_trim_adjacent_literals()
    {
        // The examples of the HCL specification.
        Assert.Equal("\"helloworld\"", Show(Eval("\"hello ${~ \"world\" }\"")));
        Assert.Equal("\"hello\"", Show(Eval("\"%{ if true ~} hello %{~ endif }\"")));
        Assert.Equal("\"hello world\"", Show(Eval("\"${\"hello\" ~}${\" world\"}\"")));
        Assert.Equal("\"a-b\"", Show(Eval("\"a  ${~ \"-\" ~}   b\"")));
        Assert.Equal("\"[x]\"", Show(Eval("<<EOT\n[\n  %{~ if true ~}\n  x\n  %{~ endif ~}\n]\nEOT")).Replace("\n", ""));
    }

    [Fact]
    public void Single_interpolation_keeps_the_value()
    {
        var t = Assert.IsType<TemplateExpression>(Attr("a = \"${var.x}\"\n"));
        Assert.True(t.IsSingleInterpolation);
        Assert.Equal("[1, 2]", Show(Eval("\"${[1, 2]}\"")));
    }

    [Fact]
    public void Heredoc_keeps_text_and_trailing_newline()
    {
        const string src = "a = <<EOT\nline one\n  ${var.x} two\nEOT\nb = 1\n";
        var file = Parse(src);
        Assert.Empty(file.Diagnostics);
        var t = Assert.IsType<TemplateExpression>(file.Body.Attribute("a")!.Value);
        Assert.Equal("line one\n", ((LiteralPart)t.Parts[0]).Text);
        Assert.EndsWith("EOT", SpanText(src, t));
        Assert.NotNull(file.Body.Attribute("b"));
    }

    [Fact]
    public void Indented_heredoc_removes_common_indentation()
    {
        Assert.Equal("\"a\n  b\n\nc\n\"", Show(Eval("<<-EOT\n    a\n      b\n\n    c\n    EOT")));
    }

    [Theory]
    [InlineData("<<EOT\n    Foo\n      Bar\n    Baz\n  EOT", "    Foo\n      Bar\n    Baz\n")]
    [InlineData("<<EOT\n    NOT EOT\n  EOT", "    NOT EOT\n")]
    [InlineData("<<-EOT\nFoo\nBar\nEOT", "Foo\nBar\n")]
    [InlineData("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT", "  Foo\nBar\n  Baz\n")]
    [InlineData("<<-EOT\n    Foo\n  ${\"  Bar\"}\n    Baz\n  EOT", "  Foo\n  Bar\n  Baz\n")]
    [InlineData("<<-EOT\n    Foo\n      ${\"Bar\"}\n    Baz\n  EOT", "Foo\n  Bar\nBaz\n")]
    [InlineData("<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT", "Foo\n Bar\n Baz\n")]
    [InlineData("<<-EOT\n   \u2003\u2003Foo\n    Bar\n  EOT", "\u2003Foo\nBar\n")]
    [InlineData("<<-EOT\n    Foo\n\n    Bar\n  EOT", "Foo\n\nBar\n")]
    public void Heredoc_cases_of_the_hcl_spec_suite(string expression, string expected) =>
        Assert.Equal("\"" + expected + "\"", Show(Eval(expression)));

    [Fact]
    public void Heredoc_does_not_decode_backslashes_and_allows_quotes()
    {
        Assert.Equal("\"C:\\\\dir \\\"q\\\"\n\"".Replace("\\\\", "\\").Replace("\\\"", "\""), Show(Eval("<<EOT\nC:\\dir \"q\"\nEOT")));
    }

    [Fact]
    public void Empty_heredoc()
    {
        Assert.Equal("\"\"", Show(Eval("<<EOT\nEOT")));
    }

    [Fact]
    public void Heredoc_anchor_inside_text_does_not_close_it()
    {
        Assert.Equal("\"EOTX\nnot EOT\n\"", Show(Eval("<<EOT\nEOTX\nnot EOT\nEOT")));
    }

    [Fact]
    public void Tuples_and_objects_with_every_key_form()
    {
        var obj = Assert.IsType<ObjectExpression>(Attr("a = {\n  name = 1\n  \"quoted\" : 2,\n  (local.k) = 3\n  nested = { x = [1, 2,] }\n}\n"));
        Assert.Equal(4, obj.Items.Count);
        Assert.IsType<VariableExpression>(obj.Items[0].Key);
        Assert.IsType<LiteralExpression>(obj.Items[1].Key);
        Assert.IsType<ParenthesesExpression>(obj.Items[2].Key);
        Assert.Equal("{name=1, quoted=2, k=3, nested={x=[1, 2]}}", Show(Eval("{\n  name = 1\n  \"quoted\" : 2,\n  (local.k) = 3\n  nested = { x = [1, 2,] }\n}", "locals {\n  k = \"k\"\n}")));
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("7 % 4 + 1", "4")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("1 + 1 == 2 && !false", "true")]
    [InlineData("true || false && false", "true")]
    [InlineData("1 < 2 == true", "true")]
    [InlineData("3 >= 3 && 2 <= 1", "false")]
    [InlineData("\"a\" != \"b\"", "true")]
    [InlineData("false ? 1 : 2 + 3", "5")]
    [InlineData("true ? false ? 1 : 2 : 3", "2")]
    public void Operator_precedence_and_conditionals(string expression, string expected) =>
        Assert.Equal(expected, Show(Eval(expression)));

    [Fact]
    public void Expressions_may_continue_over_lines_after_operators()
    {
        Assert.Equal("6", Show(Eval("1 +\n  2 +\n  3")));
        Assert.Equal("\"b\"", Show(Eval("(\n  false\n  ? \"a\"\n  : \"b\"\n)")));
        Assert.Equal("1", Show(Eval("true ?\n 1 :\n 2")));
    }

    [Fact]
    public void For_expressions_in_both_forms_with_filter_and_grouping()
    {
        Assert.Equal("[2, 4]", Show(Eval("[for x in [1, 2, 3, 4] : x if x % 2 == 0]")));
        Assert.Equal("{a=\"A\", b=\"B\"}", Show(Eval("{for k, v in {a = \"x\", b = \"y\"} : k => upper(k)}")));
        Assert.Equal("{x=[1, 3], y=[2]}", Show(Eval("{for i, v in [\"x\", \"y\", \"x\"] : v => i + 1...}")));
        Assert.Equal("[\"0a\", \"1b\"]", Show(Eval("[for i, v in [\"a\", \"b\"] : \"${i}${v}\"]")));
    }

    [Fact]
    public void Splats_index_and_attribute_access()
    {
        const string data = "locals {\n  l = [{ n = 1, t = { v = \"a\" } }, { n = 2, t = { v = \"b\" } }]\n}";
        Assert.Equal("[1, 2]", Show(Eval("local.l[*].n", data)));
        Assert.Equal("[\"a\", \"b\"]", Show(Eval("local.l[*].t.v", data)));
        Assert.Equal("[1, 2]", Show(Eval("local.l.*.n", data)));
        Assert.Equal("\"b\"", Show(Eval("local.l[1].t[\"v\"]", data)));
        Assert.Equal("2", Show(Eval("local.l.1.n", data)));
        Assert.Equal("[]", Show(Eval("null[*]")));
    }

    [Fact]
    public void Function_calls_with_expansion_and_provider_functions()
    {
        var call = Assert.IsType<FunctionCallExpression>(Attr("a = max([1, 5]...)\n"));
        Assert.True(call.ExpandFinal);
        Assert.Equal("5", Show(Eval("max([1, 5, 3]...)")));
        var provider = Assert.IsType<FunctionCallExpression>(Attr("a = provider::aws::arn_parse(\"arn\")\n"));
        Assert.Equal("provider::aws::arn_parse", provider.Name);
        Assert.Equal("(unknown)", Show(Eval("provider::aws::arn_parse(\"arn\")")));
    }

    [Fact]
    public void Error_in_one_attribute_does_not_hide_the_rest()
    {
        var file = Parse("a = = 1\nb = 2\nresource \"x\" \"y\" {\n  c = [1, 2\n  d = 4\n}\nresource \"x\" \"z\" {\n  e = 5\n}\n");
        Assert.NotEmpty(file.Diagnostics);
        Assert.All(file.Diagnostics, d => Assert.Equal(RuleCodes.ParseError, d.Code));
        Assert.NotNull(file.Body.Attribute("b"));
        Assert.Equal(2, file.Body.Blocks.Count);
        Assert.NotNull(file.Body.Blocks[1].Body.Attribute("e"));
    }

    [Fact]
    public void Missing_closing_brace_does_not_swallow_the_next_block()
    {
        var file = Parse("resource \"a\" \"b\" {\n  x = 1\n\nresource \"a\" \"c\" {\n  y = 2\n}\n");
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(0, d.Range.Start.Line);
        Assert.Equal(["b", "c"], file.Body.Blocks.Select(b => b.Labels[1].Value));
    }

    [Fact]
    public void Unterminated_string_and_heredoc_are_reported_with_positions()
    {
        var file = Parse("a = \"open\nb = 2\n");
        Assert.Contains(file.Diagnostics, d => d.Message.StartsWith("Unterminated string", StringComparison.Ordinal) && d.Range.Start == new SourcePosition(0, 9));
        Assert.NotNull(file.Body.Attribute("b"));
        var heredoc = Parse("a = <<EOT\nnever closed\n");
        Assert.Contains(heredoc.Diagnostics, d => d.Message.Contains("heredoc", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_characters_are_reported()
    {
        var file = Parse("a = 1 @ 2\nb = 3\n");
        Assert.Contains(file.Diagnostics, d => d.Message.Contains('@') && d.Range.Start == new SourcePosition(0, 6));
        Assert.NotNull(file.Body.Attribute("b"));
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var file = Parse("a = " + new string('[', 5000) + new string(']', 5000) + "\nb = 1\n");
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("Nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void Crlf_line_breaks()
    {
        var file = Parse("a = 1\r\nb = <<EOT\r\nx\r\nEOT\r\nc = 3\r\n");
        Assert.Empty(file.Diagnostics);
        Assert.Equal(new SourcePosition(4, 0), file.Text.RangeOf(file.Body.Attribute("c")!.Span).Start);
    }

    [Fact]
    public void Json_syntax_maps_to_the_same_tree()
    {
        const string src = """
            {
              "resource": {
                "aws_instance": {
                  "web": { "ami": "x", "tags": { "Env": "${var.env}" }, "count": 2 }
                }
              },
              "provider": { "aws": [{ "region": "us-east-1", "default_tags": { "tags": { "A": "b" } } }] },
              "variable": { "env": { "default": "dev" } },
              "locals": { "n": 1 }
            }
            """;
        var file = Parse(src, "/test/main.tf.json");
        Assert.Empty(file.Diagnostics);
        Assert.True(file.IsJson);
        var resource = file.Body.Blocks.Single(b => b.Type == "resource");
        Assert.Equal(["aws_instance", "web"], resource.Labels.Select(l => l.Value));
        Assert.Equal("\"web\"", src[resource.Labels[1].Span.Start..resource.Labels[1].Span.End]);
        var tags = Assert.IsType<ObjectExpression>(resource.Body.Attribute("tags")!.Value);
        Assert.IsType<TemplateExpression>(tags.Items[0].Value);
        var provider = file.Body.Blocks.Single(b => b.Type == "provider");
        Assert.NotNull(provider.Body.Block("default_tags"));
        Assert.NotNull(file.Body.Blocks.Single(b => b.Type == "locals").Body.Attribute("n"));
    }

    [Fact]
    public void Broken_json_is_a_diagnostic()
    {
        var file = Parse("{ \"resource\": { \"a\": ", "/test/x.tf.json");
        Assert.NotEmpty(file.Diagnostics);
    }
}
