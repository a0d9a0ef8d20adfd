"""The window process (pywebview): subscribes to the bus and renders; never touches the database or network."""
