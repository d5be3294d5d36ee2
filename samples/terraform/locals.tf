locals {
  name_prefix = "shop-${var.environment}"

  tags = {
    Environment = var.environment
    Owner       = var.owner
  }
}
