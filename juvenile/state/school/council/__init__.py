"""The prevention council's pages: ``meetings`` (the list, and planning a meeting with
its cases) and ``meeting`` (holding one and recording each case's participation and
decision); ``forms`` holds what both share."""
