using static FinOpsCopilot.Core.Tests.Terraform.TerraformTestHost;

namespace FinOpsCopilot.Core.Tests.Terraform;

public class TerraformFunctionTests
{
    [Theory]
    [InlineData("merge({a = 1, b = 2}, {b = 3}, null, {c = 4})", "{a=1, b=3, c=4}")]
    [InlineData("lookup({a = \"x\"}, \"a\", \"d\")", "\"x\"")]
    [InlineData("lookup({a = \"x\"}, \"b\", \"d\")", "\"d\"")]
    [InlineData("lookup({a = \"x\"}, \"b\")", "(error)")]
    [InlineData("concat([1], [], [2, 3])", "[1, 2, 3]")]
    [InlineData("tomap({a = \"b\"})", "{a=\"b\"}")]
    [InlineData("tolist([\"b\", \"a\"])", "[\"b\", \"a\"]")]
    [InlineData("toset([\"b\", \"a\", \"b\"])", "[\"a\", \"b\"]")]
    [InlineData("format(\"%s-%03d-%v-%q\", \"a\", 7, true, \"q\")", "\"a-007-true-\"q\"\"")]
    [InlineData("format(\"%.2f%%\", 1.5)", "\"1.50%\"")]
    [InlineData("lower(\"AbC\")", "\"abc\"")]
    [InlineData("upper(\"AbC\")", "\"ABC\"")]
    [InlineData("join(\"-\", [\"a\", \"b\"], [\"c\"])", "\"a-b-c\"")]
    [InlineData("split(\",\", \"a,b,,c\")", "[\"a\", \"b\", \"\", \"c\"]")]
    [InlineData("replace(\"a.b.c\", \".\", \"-\")", "\"a-b-c\"")]
    [InlineData("replace(\"app-123\", \"/[0-9]+/\", \"N\")", "\"app-N\"")]
    [InlineData("coalesce(null, \"\", \"x\", \"y\")", "\"x\"")]
    [InlineData("coalesce(null)", "(error)")]
    [InlineData("try(local.missing, \"fallback\")", "\"fallback\"")]
    [InlineData("try({a = 1}.b, {a = 1}.a)", "1")]
    [InlineData("can({a = 1}.b)", "false")]
    [InlineData("can({a = 1}.a)", "true")]
    [InlineData("length(\"héllo\")", "5")]
    [InlineData("length([1, 2])", "2")]
    [InlineData("length({a = 1})", "1")]
    [InlineData("keys({b = 1, a = 2})", "[\"a\", \"b\"]")]
    [InlineData("values({b = 1, a = 2})", "[2, 1]")]
    [InlineData("element([\"a\", \"b\"], 3)", "\"b\"")]
    [InlineData("contains([\"a\", \"b\"], \"b\")", "true")]
    [InlineData("contains([\"a\"], \"c\")", "false")]
    [InlineData("jsonencode({b = [1, true, null], a = \"x\"})", "\"{\"a\":\"x\",\"b\":[1,true,null]}\"")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max(3, 1, 2)", "3")]
    [InlineData("ceil(1.2)", "2")]
    [InlineData("floor(1.8)", "1")]
    [InlineData("flatten([[1], [2, [3]]])", "[1, 2, 3]")]
    [InlineData("compact([\"a\", \"\", null, \"b\"])", "[\"a\", \"b\"]")]
    [InlineData("zipmap([\"a\", \"b\"], [1, 2])", "{a=1, b=2}")]
    [InlineData("range(3)", "[0, 1, 2]")]
    [InlineData("distinct([1, 2, 1])", "[1, 2]")]
    [InlineData("trimspace(\"  x \")", "\"x\"")]
    [InlineData("substr(\"hello\", 1, 3)", "\"ell\"")]
    [InlineData("one([])", "null")]
    [InlineData("tostring(5)", "\"5\"")]
    [InlineData("tonumber(\"5\")", "5")]
    [InlineData("startswith(\"abc\", \"ab\")", "true")]
    public void Builtin_functions(string expression, string expected) => Assert.Equal(expected, Show(Eval(expression)));

    [Theory]
    [InlineData("merge({a = 1}, data.x.y.tags)")]
    [InlineData("lookup(aws_instance.web.tags, \"a\", \"b\")")]
    [InlineData("upper(aws_instance.web.id)")]
    [InlineData("join(\",\", [\"a\", aws_instance.web.id])")]
    [InlineData("jsonencode({a = aws_instance.web.id})")]
    [InlineData("timestamp()")]
    [InlineData("file(\"x.txt\")")]
    [InlineData("try(aws_instance.web.id, \"x\")")]
    [InlineData("can(aws_instance.web.id)")]
    [InlineData("aws_instance.web.id == \"x\" ? 1 : 2")]
    [InlineData("\"${data.aws_region.current.name}-x\"")]
    [InlineData("module.vpc.vpc_id")]
    [InlineData("terraform.workspace")]
    public void Anything_not_known_is_unknown_never_a_guess(string expression) => Assert.Equal("(unknown)", Show(Eval(expression)));

    [Fact]
    public void Known_side_decides_logical_operators() =>
        Assert.Equal("false", Show(Eval("false && aws_instance.web.id == \"x\"")));

    [Fact]
    public void Contains_finds_a_known_element_beside_unknown_ones() =>
        Assert.Equal("true", Show(Eval("contains([aws_instance.a.id, \"b\"], \"b\")")));

    [Fact]
    public void Locals_refer_to_each_other_and_cycles_are_errors()
    {
        Assert.Equal("\"a-b\"", Show(Local("locals {\n  x = \"a\"\n  value = \"${local.x}-${local.y}\"\n  y = \"b\"\n}\n")));
        Assert.Equal("(error)", Show(Local("locals {\n  value = local.other\n  other = local.value\n}\n")));
    }

    [Fact]
    public void Variables_use_inputs_then_defaults_and_fill_optional_attributes()
    {
        const string src = """
            variable "cfg" {
              type = object({
                name  = string
                size  = optional(number, 20)
                extra = optional(object({ on = optional(bool, true) }), {})
              })
            }
            variable "region" {
              default = "eu-west-1"
            }
            variable "required" {}
            locals {
              value   = var.cfg
              region  = var.region
              missing = var.required
            }
            """;
        var input = new Dictionary<string, Model.IacValue>
        {
            ["cfg"] = new Model.MapValue([new Model.MapEntry("name", default, new Model.StringValue("db", default))], default),
        };
        Assert.Equal("{name=\"db\", size=20, extra={on=true}}", Show(Local(src, variables: input)));
        Assert.Equal("\"eu-west-1\"", Show(Local(src, "region")));
        Assert.Equal("(unknown)", Show(Local(src, "missing")));
    }

    [Fact]
    public void Path_module_is_relative_to_the_root() => Assert.Equal("\".\"", Show(Eval("path.module")));
}
