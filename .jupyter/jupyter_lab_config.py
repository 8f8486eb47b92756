# JupyterLab settings for `make lab` (JUPYTER_CONFIG_DIR points here): open at the project root, so that
# notebooks/, src/ and data/ are all visible, with notebooks/ as the first folder shown.
c = get_config()  # noqa: F821 - provided by Jupyter
c.ServerApp.root_dir = "."
c.LabApp.default_url = "/lab/tree/notebooks"
