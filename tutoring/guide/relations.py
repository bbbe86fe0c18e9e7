"""What the guide contributes to the rest of Essaim (the sheet page's related region)."""
