"""The core of the council dashboard: domain, storage, aggregation, import and
export. Pure Python, no Streamlit: usable from the CLI and tests."""
