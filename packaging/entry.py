"""The bundle binary's script (PyInstaller runs it as __main__): everything it does is in vibing.frozen."""

from vibing.frozen import main

main()
