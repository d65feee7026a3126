"""Applications: where they live, their reference numbers, how they are created."""
