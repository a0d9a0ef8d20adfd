"""The page: our own HTML, CSS and JS (a package only so wheels carry these files)."""
