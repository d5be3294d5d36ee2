using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;
using static FinOpsCopilot.Core.Tests.Terraform.TerraformTestHost;

namespace FinOpsCopilot.Core.Tests.Terraform;

public class TerraformModuleTests
{
    private static Dictionary<string, string?> TagMap(IacResource r) => r.Tags.ToDictionary(t => t.Key, t => t.Value);

    [Fact]
    public void Count_expands_into_indexed_instances()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_instance" "web" {
              count = 3
              tags  = { Name = "web-${count.index}" }
            }
            resource "aws_instance" "none" {
              count = 0
            }
            """));
        var resources = m.Resources();
        Assert.Equal(["aws_instance.web[0]", "aws_instance.web[1]", "aws_instance.web[2]"], resources.Select(r => r.Address));
        Assert.Equal("web-2", resources[2].FindTag("Name")!.Value);
    }

    [Fact]
    public void For_each_over_maps_and_sets_binds_each_key_and_value()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_s3_bucket" "b" {
              for_each = { logs = "L", data = "D" }
              bucket   = "${each.key}-${each.value}"
            }
            resource "aws_s3_bucket" "s" {
              for_each = toset(["z", "a"])
              bucket   = each.value
            }
            """));
        var resources = m.Resources();
        Assert.Equal(["aws_s3_bucket.b[\"data\"]", "aws_s3_bucket.b[\"logs\"]", "aws_s3_bucket.s[\"a\"]", "aws_s3_bucket.s[\"z\"]"],
            resources.Select(r => r.Address));
        Assert.Equal("data-D", resources[0].Properties["bucket"]!.AsString());
    }

    [Fact]
    public void Unknown_count_gives_one_representative_instance()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_instance" "web" {
              count = length(data.aws_subnets.all.ids)
              tags  = { Name = "web-${count.index}" }
            }
            """));
        var r = Assert.Single(m.Resources());
        Assert.Equal("aws_instance.web[*]", r.Address);
        Assert.False(r.FindTag("Name")!.IsValueKnown);
    }

    [Fact]
    public void Resource_ranges_start_at_the_keyword_and_name_range_is_the_label()
    {
        using var m = new TempModule(("main.tf", "\n  resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\n"));
        var r = Assert.Single(m.Resources());
        Assert.Equal(new SourceRange(new(1, 2), new(3, 1)), r.Range);
        Assert.Equal(new SourceRange(new(1, 26), new(1, 31)), r.NameRange);
        Assert.Equal("x", r.Properties["ami"]!.AsString());
    }

    [Fact]
    public void Only_aws_resources_are_read()
    {
        using var m = new TempModule(("main.tf", "resource \"random_id\" \"x\" {}\nresource \"google_compute_instance\" \"y\" {}\nresource \"aws_vpc\" \"v\" {}\n"));
        Assert.Equal(["aws_vpc.v"], m.Resources().Select(r => r.Address));
    }

    [Fact]
    public void Default_tags_merge_under_resource_tags_and_point_at_the_provider()
    {
        using var m = new TempModule(
            ("providers.tf", "provider \"aws\" {\n  region = \"eu-central-1\"\n  default_tags {\n    tags = {\n      Team = \"a\"\n      Env  = \"dev\"\n    }\n  }\n}\n"),
            ("main.tf", "resource \"aws_instance\" \"web\" {\n  tags = { Env = \"prod\", Gone = null }\n}\n"));
        var docs = m.Read();
        var main = docs.Single(d => d.Path.EndsWith("main.tf", StringComparison.Ordinal));
        Assert.Equal("eu-central-1", main.Region);
        var r = Assert.Single(main.Resources);
        Assert.Equal(new Dictionary<string, string?> { ["Team"] = "a", ["Env"] = "prod" }, TagMap(r));
        var team = r.FindTag("Team")!;
        Assert.Equal(TagSource.ProviderDefault, team.Source);
        Assert.Equal(m.PathOf("providers.tf"), team.DeclaredIn);
        Assert.Equal(new SourceRange(new(4, 6), new(4, 10)), team.KeyRange);
        Assert.Equal(TagSource.Inline, r.FindTag("Env")!.Source);
        Assert.NotNull(r.TagContainer);
        Assert.Equal("tags", r.TagContainer!.PropertyName);
        Assert.Equal(new SourceRange(new(1, 2), new(1, 6)), r.TagContainer.KeyRange);
    }

    [Fact]
    public void Aliased_providers_give_their_own_default_tags()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              default_tags {
                tags = { Region = "primary" }
              }
            }
            provider "aws" {
              alias = "west"
              default_tags {
                tags = { Region = "west" }
              }
            }
            resource "aws_instance" "a" {}
            resource "aws_instance" "b" {
              provider = aws.west
            }
            """));
        var resources = m.Resources();
        Assert.Equal("primary", resources[0].FindTag("Region")!.Value);
        Assert.Equal("west", resources[1].FindTag("Region")!.Value);
    }

    [Fact]
    public void Unknown_tags_and_default_tags_make_tags_unknown_not_missing()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              default_tags {
                tags = data.external.tags.result
              }
            }
            resource "aws_instance" "a" {}
            """));
        var r = Assert.Single(m.Resources());
        Assert.NotNull(r.UnknownTagsReason);
        Assert.Empty(r.Tags);
    }

    [Fact]
    public void Autoscaling_group_tags_come_from_tag_blocks_not_default_tags()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              default_tags {
                tags = { FromProvider = "x" }
              }
            }
            locals {
              extra = { Owner = "team", Env = "dev" }
            }
            resource "aws_autoscaling_group" "g" {
              tag {
                key                 = "Name"
                value               = "asg"
                propagate_at_launch = true
              }
              dynamic "tag" {
                for_each = local.extra
                iterator = t
                content {
                  key                 = t.key
                  value               = t.value
                  propagate_at_launch = false
                }
              }
            }
            """));
        var r = Assert.Single(m.Resources());
        Assert.Equal(TagShape.AutoScalingList, r.TagShape);
        Assert.Equal(new Dictionary<string, string?> { ["Name"] = "asg", ["Env"] = "dev", ["Owner"] = "team" }, TagMap(r));
        var tagBlocks = Assert.IsType<ListValue>(r.Properties["tag"]);
        Assert.Equal(3, tagBlocks.Items.Count);
    }

    [Fact]
    public void Launch_template_tag_specifications_are_properties()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_launch_template" "lt" {
              tag_specifications {
                resource_type = "instance"
                tags          = { Owner = "x" }
              }
              tags = { Owner = "y" }
            }
            """));
        var r = Assert.Single(m.Resources());
        Assert.Equal("y", r.FindTag("Owner")!.Value);
        var specs = Assert.IsType<ListValue>(r.Properties["tag_specifications"]);
        var spec = Assert.IsType<MapValue>(Assert.Single(specs.Items));
        Assert.Equal("instance", spec["resource_type"]!.AsString());
    }

    [Fact]
    public void Local_child_modules_get_inputs_providers_and_addresses()
    {
        using var m = new TempModule(
            ("main.tf", """
                provider "aws" {
                  default_tags {
                    tags = { CostCenter = "CC-0001" }
                  }
                }
                module "db" {
                  source   = "./modules/db"
                  for_each = toset(["a", "b"])
                  name     = "db-${each.key}"
                }
                module "single" {
                  source = "./modules/db"
                  name   = "one"
                  create = false
                }
                module "remote" {
                  source = "terraform-aws-modules/rds/aws"
                }
                """),
            ("modules/db/main.tf", """
                variable "name" {}
                variable "create" {
                  default = true
                }
                resource "aws_db_instance" "this" {
                  count      = var.create ? 1 : 0
                  identifier = var.name
                  tags       = { Name = var.name }
                }
                """));
        var docs = m.Read();
        var child = docs.Single(d => d.Path.EndsWith("modules/db/main.tf", StringComparison.Ordinal));
        Assert.Equal(["module.db[\"a\"].aws_db_instance.this[0]", "module.db[\"b\"].aws_db_instance.this[0]"], child.Resources.Select(r => r.Address));
        Assert.Equal("db-b", child.Resources[1].Properties["identifier"]!.AsString());
        Assert.Equal("CC-0001", child.Resources[0].FindTag("CostCenter")!.Value);
        // The value came from the caller's file: its range moves to the reference in the module's file.
        Assert.Equal(7, child.Resources[0].FindTag("Name")!.ValueRange.Start.Line);
        var root = docs.Single(d => d.Path.EndsWith("/main.tf", StringComparison.Ordinal) && !d.Path.Contains("modules", StringComparison.Ordinal));
        var notAnalysed = Assert.Single(root.Diagnostics, d => d.Code == RuleCodes.NotAnalysed);
        Assert.Contains("terraform-aws-modules/rds/aws", notAnalysed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tfvars_auto_tfvars_and_var_files_apply_in_order()
    {
        using var m = new TempModule(
            ("main.tf", """
                variable "a" {}
                variable "b" {}
                variable "c" {}
                variable "d" {
                  default = "default"
                }
                resource "aws_instance" "x" {
                  tags = { A = var.a, B = var.b, C = var.c, D = var.d }
                }
                """),
            ("terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n"),
            ("x.auto.tfvars.json", "{ \"b\": \"auto\", \"c\": \"auto\" }"),
            ("prod.tfvars", "c = \"cli\"\n"));
        var r = Assert.Single(m.Resources([m.PathOf("prod.tfvars")]));
        Assert.Equal(new Dictionary<string, string?> { ["A"] = "tfvars", ["B"] = "auto", ["C"] = "cli", ["D"] = "default" }, TagMap(r));
    }

    [Fact]
    public void A_named_file_reads_its_whole_directory_but_reports_only_itself()
    {
        using var m = new TempModule(
            ("vars.tf", "variable \"env\" {\n  default = \"prod\"\n}\nresource \"aws_vpc\" \"v\" {}\n"),
            ("main.tf", "resource \"aws_instance\" \"x\" {\n  tags = { Env = var.env }\n}\n"));
        var doc = Assert.Single(Core.Terraform.TerraformModuleReader.Read([m.PathOf("main.tf")]));
        var r = Assert.Single(doc.Resources);
        Assert.Equal("prod", r.FindTag("Env")!.Value);
    }

    [Fact]
    public void Json_configuration_is_evaluated_like_native_syntax()
    {
        using var m = new TempModule(("main.tf.json", """
            {
              "variable": { "env": { "default": "dev" } },
              "provider": { "aws": { "default_tags": { "tags": { "Team": "x" } } } },
              "resource": { "aws_instance": { "web": { "count": 2, "tags": { "Env": "${var.env}-${count.index}" } } } }
            }
            """));
        var docs = m.Read();
        var doc = Assert.Single(docs);
        Assert.Equal(IacFormat.TerraformJson, doc.Format);
        Assert.Equal(["aws_instance.web[0]", "aws_instance.web[1]"], doc.Resources.Select(r => r.Address));
        Assert.Equal("dev-1", doc.Resources[1].FindTag("Env")!.Value);
        Assert.Equal("x", doc.Resources[1].FindTag("Team")!.Value);
    }

    [Fact]
    public void Inline_suppressions_apply_to_the_resource()
    {
        using var m = new TempModule(("main.tf", "# finops:ignore tag-missing\nresource \"aws_instance\" \"x\" {}\nresource \"aws_instance\" \"y\" {}\n"));
        var resources = m.Resources();
        Assert.Contains("tag-missing", resources[0].IgnoredRules);
        Assert.Empty(resources[1].IgnoredRules);
    }

    [Fact]
    public void Module_cycles_and_missing_directories_are_reported_not_followed()
    {
        using var m = new TempModule(
            ("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nmodule \"gone\" {\n  source = \"./nowhere\"\n}\n"),
            ("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_vpc\" \"v\" {}\n"));
        var docs = m.Read();
        Assert.Contains(docs.SelectMany(d => d.Diagnostics), d => d.Code == RuleCodes.NotAnalysed && d.Message.Contains("nowhere", StringComparison.Ordinal));
        Assert.NotEmpty(docs.SelectMany(d => d.Resources));
    }

    [Fact]
    public void Module_outputs_are_evaluated_per_instance()
    {
        using var m = new TempModule(
            ("main.tf", """
                module "labels" {
                  source = "./labels"
                  team   = "data"
                }
                module "many" {
                  source   = "./labels"
                  for_each = toset(["a", "b"])
                  team     = each.key
                }
                module "counted" {
                  source = "./labels"
                  count  = 2
                  team   = "c${count.index}"
                }
                resource "aws_instance" "x" {
                  tags = merge(module.labels.tags, {
                    B = module.many["b"].tags.Team
                    C = module.counted[1].tags.Team
                    Id = module.labels.id
                  })
                }
                """),
            ("labels/main.tf", """
                variable "team" {}
                resource "aws_s3_bucket" "b" {}
                output "tags" {
                  value = { Team = var.team, Managed = "yes" }
                }
                output "id" {
                  value = aws_s3_bucket.b.id
                }
                """));
        var r = m.Resources().Single(x => x.Address == "aws_instance.x");
        Assert.Equal("data", r.FindTag("Team")!.Value);
        Assert.Equal("b", r.FindTag("B")!.Value);
        Assert.Equal("c1", r.FindTag("C")!.Value);
        Assert.False(r.FindTag("Id")!.IsValueKnown);
        // Values from the module's file are placed at the reference in this file.
        Assert.Equal(15, r.FindTag("Team")!.KeyRange.Start.Line);
    }

    [Fact]
    public void An_editor_buffer_stands_in_for_its_file_within_the_module()
    {
        using var m = new TempModule(
            ("vars.tf", "variable \"env\" {\n  default = \"dev\"\n}\n"),
            ("main.tf", "resource \"aws_vpc\" \"old\" {}\n"));
        var doc = Core.Analysis.SourceFileReader.Read(m.PathOf("main.tf"), "resource \"aws_vpc\" \"new\" {\n  tags = { Env = var.env }\n}\n");
        var r = Assert.Single(doc!.Resources);
        Assert.Equal("aws_vpc.new", r.Address);
        Assert.Equal("dev", r.FindTag("Env")!.Value);
    }

    [Fact]
    public void A_directory_called_with_a_trailing_slash_is_not_also_a_root()
    {
        using var m = new TempModule(
            ("main.tf", "variable \"name\" {}\nresource \"aws_vpc\" \"this\" {\n  tags = { Name = var.name }\n}\n"),
            ("examples/complete/main.tf", "module \"vpc\" {\n  source = \"../../\"\n  name   = \"ex\"\n}\n"));
        var r = Assert.Single(m.Resources());
        Assert.Equal("module.vpc.aws_vpc.this", r.Address);
        Assert.Equal("ex", r.FindTag("Name")!.Value);
    }
}
