module github.com/opengov-fi/opengov

go 1.26.8

require (
	github.com/pelletier/go-toml/v2 v2.4.3
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/BurntSushi/toml v0.3.1 // indirect
	github.com/adrg/frontmatter v0.2.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	gopkg.in/yaml.v2 v2.3.0 // indirect
)
