"""Generated pages: each module renders one page of the report from the (converted) fact model."""
