data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
}

data "aws_caller_identity" "current" {}

resource "aws_instance" "web" {
  count         = var.web_count
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.medium"

  tags = merge(local.tags, {
    Name = "${local.name_prefix}-web-${count.index}"
  })
}

resource "aws_instance" "app" {
  for_each      = var.app_servers
  ami           = data.aws_ami.al2023.id
  instance_type = each.value.instance_type

  tags = merge(local.tags, {
    Name  = "${local.name_prefix}-${each.key}"
    Owner = each.value.owner
  })
}

# Violation: Environment is not an allowed value, and Owner is missing.
resource "aws_s3_bucket" "logs" {
  for_each = var.log_buckets
  bucket   = "${local.name_prefix}-logs-${each.key}"

  tags = {
    Environment = "production"
  }
}

# Violation: "owner" differs from the required "Owner" only in case.
resource "aws_ebs_volume" "scratch" {
  availability_zone = "${var.region}a"
  size              = 100

  tags = {
    Environment = var.environment
    owner       = "data-team"
  }
}

# Violation: the dr provider's default_tags give Environment = "disaster-recovery".
resource "aws_instance" "batch" {
  provider      = aws.dr
  ami           = "ami-0123456789abcdef0"
  instance_type = "c6i.2xlarge"

  tags = {
    Owner = var.owner
  }
}

# The owner is known only when Terraform runs: never reported.
resource "aws_instance" "bastion" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  tags = merge(local.tags, {
    Owner = data.aws_caller_identity.current.user_id
  })
}

resource "aws_launch_template" "workers" {
  name_prefix   = "${local.name_prefix}-workers-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "m6i.large"

  tag_specifications {
    resource_type = "instance"
    tags          = local.tags
  }

  tags = local.tags
}

# Violation: default_tags do not reach Auto Scaling groups; CostCenter must be a tag block.
resource "aws_autoscaling_group" "workers" {
  name             = "${local.name_prefix}-workers"
  min_size         = 1
  max_size         = 4
  desired_capacity = 2

  launch_template {
    id      = aws_launch_template.workers.id
    version = "$Latest"
  }

  dynamic "tag" {
    for_each = local.tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

# finops:ignore tag-missing
resource "aws_sqs_queue" "scratch" {
  name = "${local.name_prefix}-scratch"
}

module "database" {
  source = "./modules/database"

  name        = "${local.name_prefix}-db"
  environment = var.environment
  tags        = local.tags
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = local.name_prefix
  cidr = "10.0.0.0/16"
}
