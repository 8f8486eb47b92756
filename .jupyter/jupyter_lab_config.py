# JupyterLab settings for `make lab` (JUPYTER_CONFIG_DIR points here): the file browser opens at the project
# root (the Makefile passes --ServerApp.root_dir), so notebooks/, src/ and data/ are all visible.
c = get_config()  # noqa: F821 - provided by Jupyter
c.ServerApp.root_dir = "."
