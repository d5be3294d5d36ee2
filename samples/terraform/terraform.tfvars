environment = "prod"
cost_center = "CC-1234"
owner       = "web-team"
web_count   = 2

app_servers = {
  api = {
    instance_type = "m6i.large"
    owner         = "api-team"
  }
  worker = {
    instance_type = "c6i.xlarge"
  }
}

log_buckets = ["access", "audit"]
