"""Report renderers for `ceasefire history`: each turns one `History` into one format,
never recomputing it (`tui.commands.output` picks the module of the format asked for)."""
