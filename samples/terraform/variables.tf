variable "region" {
  description = "The region of the primary deployment."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "One of prod, staging or dev."
  type        = string
}

variable "cost_center" {
  description = "The finance cost centre that pays for this stack (CC-nnnn)."
  type        = string
}

variable "owner" {
  description = "The team that runs this stack."
  type        = string
}

variable "app_servers" {
  description = "Application servers by name."
  type = map(object({
    instance_type = string
    owner         = optional(string, "platform-team")
  }))
  default = {}
}

variable "log_buckets" {
  description = "Suffixes of the log buckets to create."
  type        = set(string)
  default     = []
}

variable "web_count" {
  type    = number
  default = 1
}
