"""Demo content of Herne: never installed on a production site."""
