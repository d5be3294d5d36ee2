terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Every resource of the default provider gets these tags (Terraform's tags_all).
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      CostCenter = var.cost_center
      ManagedBy  = "terraform"
    }
  }
}

# The disaster-recovery copy of the batch tier runs in another region.
provider "aws" {
  alias  = "dr"
  region = "eu-west-1"

  default_tags {
    tags = {
      CostCenter  = var.cost_center
      Environment = "disaster-recovery"
    }
  }
}
