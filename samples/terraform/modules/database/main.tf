variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "create" {
  type    = bool
  default = true
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_db_instance" "this" {
  count = var.create ? 1 : 0

  identifier        = var.name
  engine            = "postgres"
  instance_class    = var.environment == "prod" ? "db.r6g.large" : var.instance_class
  allocated_storage = 100

  tags = merge(var.tags, { Name = var.name })
}

# Violation: Owner is missing (the module's caller did not pass the tags on).
resource "aws_security_group" "db" {
  name   = "${var.name}-sg"
  vpc_id = "vpc-0123456789abcdef0"

  tags = {
    Environment = var.environment
  }
}
