"""The export formats newsroom tools read: CSV, JSON Lines and schema.org ClaimReview JSON-LD."""
